// Netværksstedet on Azure: the Functions host (Flex Consumption) with Cosmos DB, Storage, Key Vault and Application
// Insights, all reached with one user-assigned managed identity and no keys in app settings.
// Deploy: az deployment group create -g <group> -f infra/bicep/main.bicep -p entraClientId=<app id> (README "Deploy to Azure").
targetScope = 'resourceGroup'

@description('Short name for this installation; resource names derive from it.')
@minLength(3)
@maxLength(12)
param environmentName string = 'netvaerk'

param location string = resourceGroup().location

@description('The municipality: the Cosmos DB partition key of everything stored.')
param tenantId string = 'albertslund'

@description('Client id of the Entra ID app registration App Service Authentication signs staff in with.')
param entraClientId string

@description('The network office (netværkssekretariatet): the first user with the secretariat role, and the organizer of meetings.')
param networkOfficeEmail string = 'netvaerkssekretariatet@albertslund.dk'
param employeeDomain string = 'albertslund.dk'
param politicalLiaisonEmail string = 'udvalg17-4@albertslund.dk'
param sendGridFrom string = 'netvaerkssekretariatet@albertslund.dk'

@secure()
@description('SendGrid API key, stored in Key Vault; leave empty to set the secret afterwards.')
param sendGridApiKey string = ''

@secure()
@description('Base64 of 32 random bytes (openssl rand -base64 32) keying survey pseudonyms, stored in Key Vault; set once, never change.')
param respondentKeySecret string = ''

var suffix = uniqueString(resourceGroup().id, environmentName)
var tags = { application: 'netvaerksstedet', environment: environmentName }
var appName = '${environmentName}-${suffix}'

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: { name: '${appName}-id', location: location, tags: tags }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: take('st${replace(environmentName, '-', '')}${suffix}', 24)
    location: location
    tags: tags
    principalId: identity.outputs.principalId
    deploymentContainerName: 'app-package'
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  params: {
    name: '${appName}-cosmos'
    location: location
    tags: tags
    principalId: identity.outputs.principalId
    databaseName: 'netvaerk'
  }
}

module vault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: take('kv-${suffix}', 24)
    location: location
    tags: tags
    principalId: identity.outputs.principalId
    sendGridApiKey: sendGridApiKey
    respondentKeySecret: respondentKeySecret
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: { name: '${appName}-ai', location: location, tags: tags, principalId: identity.outputs.principalId }
}

module app 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    name: appName
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageBlobEndpoint: storage.outputs.blobEndpoint
    storageQueueEndpoint: storage.outputs.queueEndpoint
    storageTableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    cosmosEndpoint: cosmos.outputs.endpoint
    cosmosDatabase: 'netvaerk'
    appInsightsConnectionString: monitoring.outputs.connectionString
    sendGridSecretUri: vault.outputs.sendGridSecretUri
    respondentKeySecretUri: vault.outputs.respondentKeySecretUri
    sendGridFrom: sendGridFrom
    tenantId: tenantId
    networkOfficeEmail: networkOfficeEmail
    employeeDomain: employeeDomain
    politicalLiaisonEmail: politicalLiaisonEmail
    entraClientId: entraClientId
  }
}

output functionAppHost string = app.outputs.defaultHostName
output healthUrl string = 'https://${app.outputs.defaultHostName}/health'
