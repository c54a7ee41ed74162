// The Function App on Flex Consumption (Linux, .NET 10 isolated), running as the user-assigned identity: identity-based
// AzureWebJobsStorage, Cosmos DB and the queue through the same identity, the SendGrid key as a Key Vault reference, and
// App Service Authentication (Entra ID) in front, letting anonymous requests through to the pages citizens use.
param name string
param location string
param tags object
param identityId string
param identityClientId string
param storageBlobEndpoint string
param storageQueueEndpoint string
param storageTableEndpoint string
param deploymentContainerUrl string
param cosmosEndpoint string
param cosmosDatabase string
param appInsightsConnectionString string
param sendGridSecretUri string
param respondentKeySecretUri string
param sendGridFrom string
param tenantId string
param networkOfficeEmail string
param employeeDomain string
param politicalLiaisonEmail string
param entraClientId string

@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${name}-plan'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { name: 'FC1', tier: 'FlexConsumption' }
  properties: { reserved: true }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: { type: 'UserAssignedIdentity', userAssignedIdentityResourceId: identityId }
        }
      }
      scaleAndConcurrency: { maximumInstanceCount: maximumInstanceCount, instanceMemoryMB: 2048 }
      runtime: { name: 'dotnet-isolated', version: '10.0' }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        // Identity-based host storage: no connection string, no key.
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'AzureWebJobsStorage__clientId', value: identityClientId }
        { name: 'AzureWebJobsStorage__blobServiceUri', value: storageBlobEndpoint }
        { name: 'AzureWebJobsStorage__queueServiceUri', value: storageQueueEndpoint }
        { name: 'AzureWebJobsStorage__tableServiceUri', value: storageTableEndpoint }
        { name: 'TaskHubName', value: 'netvaerk' }
        { name: 'AZURE_CLIENT_ID', value: identityClientId }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsightsConnectionString }
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identityClientId};Authorization=AAD' }
        // The adapters (decision 007).
        { name: 'Netvaerk__Store', value: 'Cosmos' }
        { name: 'Netvaerk__Outbox', value: 'StorageQueue' }
        { name: 'Netvaerk__Mail', value: 'SendGrid' }
        { name: 'Netvaerk__TenantId', value: tenantId }
        { name: 'Netvaerk__PublicBaseUrl', value: 'https://${name}.azurewebsites.net/' }
        { name: 'Netvaerk__OrganizerEmail', value: networkOfficeEmail }
        { name: 'Netvaerk__PoliticalLiaisonEmail', value: politicalLiaisonEmail }
        { name: 'Access__FirstSecretariatEmail', value: networkOfficeEmail }
        { name: 'Access__EmployeeDomains__0', value: employeeDomain }
        { name: 'Cosmos__Endpoint', value: cosmosEndpoint }
        { name: 'Cosmos__Database', value: cosmosDatabase }
        { name: 'OutboxQueue__ServiceUri', value: storageQueueEndpoint }
        { name: 'SendGrid__ApiKey', value: '@Microsoft.KeyVault(SecretUri=${sendGridSecretUri})' }
        { name: 'Evaluation__RespondentKeySecret', value: '@Microsoft.KeyVault(SecretUri=${respondentKeySecretUri})' }
        { name: 'SendGrid__From', value: sendGridFrom }
      ]
    }
  }
}

// Entra ID sign-in for staff; citizens' survey and involvement pages stay reachable without it, and the app's own
// authorization decides per route (the X-MS-CLIENT-PRINCIPAL header carries who signed in).
resource auth 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'authsettingsV2'
  properties: {
    platform: { enabled: true }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: entraClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${subscription().tenantId}/v2.0'
        }
        validation: { allowedAudiences: [ 'api://${entraClientId}' ] }
      }
    }
    login: { tokenStore: { enabled: false } }
  }
}

output defaultHostName string = site.properties.defaultHostName
