// Cosmos DB for NoSQL, serverless, with keys switched off: the app's identity gets the built-in data contributor role.
param name string
param location string
param tags object
param principalId string
param databaseName string

// One container per store port, every one partitioned by tenant (docs/cosmos.md).
var containers = [
  'ideas'
  'networks'
  'outbox'
  'surveys'
  'involvement'
  'access'
]

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: name
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    consistencyPolicy: { defaultConsistencyLevel: 'Session' }
    capabilities: [ { name: 'EnableServerless' } ]
    locations: [ { locationName: location, failoverPriority: 0, isZoneRedundant: false } ]
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-05-15' = {
  parent: account
  name: databaseName
  properties: { resource: { id: databaseName } }
}

resource stores 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-05-15' = [for container in containers: {
  parent: database
  name: container
  properties: {
    resource: {
      id: container
      partitionKey: { paths: [ '/tenantId' ], kind: 'Hash', version: 2 }
      // The domain's own JSON lives under /body and is never queried: only the small envelope is indexed.
      indexingPolicy: {
        indexingMode: 'consistent'
        includedPaths: [ { path: '/*' } ]
        excludedPaths: [ { path: '/body/*' }, { path: '/"_etag"/?' } ]
      }
    }
  }
}]

// Built-in "Cosmos DB Built-in Data Contributor" (data plane; the control plane stays with the deployer).
resource dataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-05-15' = {
  parent: account
  name: guid(account.id, principalId, '00000000-0000-0000-0000-000000000002')
  properties: {
    principalId: principalId
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/00000000-0000-0000-0000-000000000002'
    scope: account.id
  }
}

output endpoint string = account.properties.documentEndpoint
