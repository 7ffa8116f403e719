using ChatApp.BuildingBlocks.Secrets;
using FluentMigrator;

namespace ChatApp.Notifications.Infrastructure.Migrations;

/// <summary>The Data Protection key ring that encrypts the service's own keys (table secrets).</summary>
[Migration(202611300311, "Data Protection key ring")]
public sealed class CreateDataProtectionKeys : DataProtectionKeysMigration;
