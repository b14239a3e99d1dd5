using CommuniGateFtp.Ftp.Accounts;
using CommuniGateFtp.Ftp.Data;
using CommuniGateFtp.Contracts;

namespace CommuniGateFtp.Ftp.Management;

/// <summary>Checks an <see cref="AccountRequest"/> completely before anything is written; errors keyed by member.</summary>
public static class AccountRequestValidation
{
    public const int MinPasswordLength = 8;

    public static Dictionary<string, string[]> Validate(AccountRequest request, bool creating)
    {
        var errors = new Dictionary<string, string[]>();
        if (creating && !AccountName.IsValid(request.Name))
        {
            errors["name"] = [$"'{request.Name}' is not a valid account name (letters, digits, '.', '-', '_'; up to 64)."];
        }
        if (creating && !DomainName.IsValid(request.Domain))
        {
            errors["domain"] = [$"'{request.Domain}' is not a valid domain name."];
        }
        if ((creating || request.Password is not null) && (request.Password is null || request.Password.Length < MinPasswordLength))
        {
            errors["password"] = [$"The password must have at least {MinPasswordLength} characters."];
        }
        if (request.EnabledServices?.FirstOrDefault(s => AccountServices.Canonical(s) is null) is { } unknown)
        {
            errors["enabledServices"] = [$"'{unknown}' is not a known service ({string.Join(", ", AccountServices.Known)})."];
        }
        if (request.StorageSizeLimit is not null && !StorageLimit.TryParse(request.StorageSizeLimit, out _))
        {
            errors["storageSizeLimit"] = ["Use a number of bytes (K, M, G, T suffixes allowed), 'unlimited' or 'default'."];
        }
        if (request.StorageFilesLimit is not null
            && (!StorageLimit.TryParse(request.StorageFilesLimit, out var files) || (files.Kind == StorageLimitKind.Limited && !long.TryParse(request.StorageFilesLimit, out _))))
        {
            errors["storageFilesLimit"] = ["Use a number of files, 'unlimited' or 'default'."];
        }
        return errors;
    }
}
