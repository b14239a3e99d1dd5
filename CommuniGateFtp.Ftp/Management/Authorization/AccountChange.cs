using CommuniGateFtp.Contracts;
using CommuniGateFtp.Ftp.Data;

namespace CommuniGateFtp.Ftp.Management.Authorization;

/// <summary>
/// A change to one account, for <see cref="AccountChangeRequirement"/>: creating (<paramref name="Target"/> null), changing
/// (<paramref name="Request"/> set) or deleting it (neither request nor creation).
/// </summary>
public sealed record AccountChange(string Domain, Account? Target, AccountRequest? Request);
