using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CoCreation.Messaging;

/// <summary>Stores DateTime as UTC and reads it back marked as UTC, whatever the provider keeps.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
