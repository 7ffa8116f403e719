using ChatApp.BuildingBlocks.Secrets;
using FluentMigrator;

namespace ChatApp.Identity.Infrastructure.Migrations;

/// <summary>The Data Protection key ring that encrypts the signing keys and authenticator secrets.</summary>
[Migration(202611300301, "Data Protection key ring")]
public sealed class CreateDataProtectionKeys : DataProtectionKeysMigration;
