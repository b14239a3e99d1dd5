// CommuniGateFtp on Azure Container Apps: the environment and the services the apps need. The apps themselves are
// described by CommuniGateFtp.AppHost/infra/*.tmpl.yaml, which azd fills from this template's outputs.
// Hand-maintained in the shape `azd infra synth` produces (see docs/deployment-aca.md); not deployable from the
// development machines (no Azure there): check it with `azd provision --preview` before the first `azd up`.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; names the resource group and the resources.')
param environmentName string

@minLength(1)
@description('Azure region.')
param location string

@description('The deploying user (azd fills it in), for access to the registry.')
param principalId string = ''

@secure()
@description('Administrator password of the Azure Database for PostgreSQL server.')
param postgresPassword string

var tags = { 'azd-env-name': environmentName }

resource rg 'Microsoft.Resources/resourceGroups@2022-09-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module resources 'resources.bicep' = {
  scope: rg
  name: 'resources'
  params: {
    location: location
    tags: tags
    principalId: principalId
    postgresPassword: postgresPassword
  }
}

output MANAGED_IDENTITY_CLIENT_ID string = resources.outputs.MANAGED_IDENTITY_CLIENT_ID
output MANAGED_IDENTITY_NAME string = resources.outputs.MANAGED_IDENTITY_NAME
output AZURE_CONTAINER_REGISTRY_ENDPOINT string = resources.outputs.AZURE_CONTAINER_REGISTRY_ENDPOINT
output AZURE_CONTAINER_REGISTRY_MANAGED_IDENTITY_ID string = resources.outputs.AZURE_CONTAINER_REGISTRY_MANAGED_IDENTITY_ID
output AZURE_CONTAINER_APPS_ENVIRONMENT_ID string = resources.outputs.AZURE_CONTAINER_APPS_ENVIRONMENT_ID
output AZURE_CONTAINER_APPS_ENVIRONMENT_DEFAULT_DOMAIN string = resources.outputs.AZURE_CONTAINER_APPS_ENVIRONMENT_DEFAULT_DOMAIN
output AZURE_CONTAINER_APPS_STATIC_IP string = resources.outputs.AZURE_CONTAINER_APPS_STATIC_IP
output POSTGRES_HOST string = resources.outputs.POSTGRES_HOST
output STORAGE_VOLUME_NAME string = resources.outputs.STORAGE_VOLUME_NAME
