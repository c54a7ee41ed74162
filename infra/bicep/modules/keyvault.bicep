// Key Vault with RBAC: the SendGrid API key and the survey pseudonyms' secret live here, and the app reads it through a Key Vault reference.
param name string
param location string
param tags object
param principalId string

@secure()
@description('SendGrid API key; empty leaves the secret to be set later (az keyvault secret set).')
param sendGridApiKey string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    enablePurgeProtection: true
    softDeleteRetentionInDays: 90
  }
}

@secure()
@description('Base64 of 32 random bytes keying the survey respondents\' pseudonyms (openssl rand -base64 32); empty leaves it to be set later. Never change it once answers exist: before/after pairs would no longer match.')
param respondentKeySecret string

resource sendGrid 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(sendGridApiKey)) {
  parent: vault
  name: 'SendGridApiKey'
  properties: { value: sendGridApiKey }
}

resource respondentKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(respondentKeySecret)) {
  parent: vault
  name: 'RespondentKeySecret'
  properties: { value: respondentKeySecret }
}

// Key Vault Secrets User.
resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, principalId, '4633458b-17de-408a-b874-0445c86b69e6')
  scope: vault
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
  }
}

output sendGridSecretUri string = '${vault.properties.vaultUri}secrets/SendGridApiKey'
output respondentKeySecretUri string = '${vault.properties.vaultUri}secrets/RespondentKeySecret'
