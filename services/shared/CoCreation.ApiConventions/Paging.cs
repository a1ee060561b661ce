using System.Buffers.Text;
using System.Text.Json;

namespace CoCreation.ApiConventions;

/// <summary>
/// Cursor (keyset) pagination, the same on every list endpoint: <c>?limit=</c> (1 to 100, default 20) and
/// <c>?cursor=</c> from the previous page's <c>nextCursor</c>. A cursor is the sort key of the last item, opaque to
/// clients; unlike an offset it stays correct while items are added, and costs the same on page 1 and page 1,000.
/// </summary>
public static class Paging
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    /// <summary>Reads and checks <c>limit</c> and <c>cursor</c>; a bad one is a 400 problem naming it.</summary>
    public static PageRequest<TKey> Read<TKey>(string? cursor, int? limit)
        where TKey : class
    {
        var size = limit ?? DefaultLimit;
        if (size is < 1 or > MaxLimit)
        {
            throw new InvalidFieldException("limit", $"Must be between 1 and {MaxLimit}.");
        }
        return new PageRequest<TKey>(string.IsNullOrEmpty(cursor) ? null : Decode<TKey>(cursor), size);
    }

    /// <summary>
    /// Builds the page from up to <c>limit + 1</c> rows fetched in sort order: the extra row only says another page exists.
    /// </summary>
    public static CursorPage<TItem> ToPage<TRow, TItem, TKey>(this IReadOnlyList<TRow> rows, PageRequest<TKey> request, Func<TRow, TKey> keyOf, Func<TRow, TItem> toItem)
        where TKey : class
    {
        var hasMore = rows.Count > request.Limit;
        var shown = hasMore ? rows.Take(request.Limit).ToList() : [.. rows];
        return new CursorPage<TItem>([.. shown.Select(toItem)], hasMore ? Encode(keyOf(shown[^1])) : null);
    }

    public static string Encode<TKey>(TKey key) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(key, CursorJson));

    private static TKey Decode<TKey>(string cursor)
    {
        try
        {
            return JsonSerializer.Deserialize<TKey>(Base64Url.DecodeFromChars(cursor), CursorJson)
                ?? throw new JsonException("empty cursor");
        }
        catch (Exception ex) when (ex is FormatException or JsonException or ArgumentException)
        {
            throw new InvalidFieldException("cursor", "Not a cursor this list gave out; start again without one.");
        }
    }

    private static readonly JsonSerializerOptions CursorJson = new(JsonSerializerDefaults.Web) { RespectRequiredConstructorParameters = true };
}

/// <summary>What a list endpoint was asked for: the page size and, after the first page, the last item's sort key.</summary>
public sealed record PageRequest<TKey>(TKey? After, int Limit)
    where TKey : class
{
    /// <summary>One more than the page size: the extra row tells whether there is a next page.</summary>
    public int FetchCount => Limit + 1;
}

/// <summary>One page of a list. <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record CursorPage<TItem>(IReadOnlyList<TItem> Items, string? NextCursor);
