using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CoCreation.ApiConventions;

public static class RequestValidation
{
    /// <summary>
    /// Validates every request body of the group's endpoints against its DataAnnotations before the handler runs,
    /// and answers a 400 problem naming each field as the client spelled it (camelCase), so nothing is stored.
    /// </summary>
    public static RouteGroupBuilder WithRequestValidation(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(async (context, next) =>
        {
            var errors = new Dictionary<string, string[]>();
            foreach (var argument in context.Arguments)
            {
                if (argument is null || !IsRequestBody(argument.GetType()))
                {
                    continue;
                }
                // First, as the attributes below may read every entry of a list.
                foreach (var (field, index) in NullListEntries(argument))
                {
                    errors[$"{field}[{index}]"] = ["A list holds values, not null."];
                }
                if (errors.Count > 0)
                {
                    continue;
                }
                var results = new List<ValidationResult>();
                Validator.TryValidateObject(argument, new ValidationContext(argument), results, validateAllProperties: true);
                foreach (var result in results)
                {
                    foreach (var member in result.MemberNames.DefaultIfEmpty(""))
                    {
                        var field = JsonNamingPolicy.CamelCase.ConvertName(member);
                        errors[field] = [.. errors.GetValueOrDefault(field, []), result.ErrorMessage ?? "Invalid value."];
                    }
                }
            }
            return errors.Count > 0 ? TypedResults.ValidationProblem(errors, title: "Some fields are not valid.") : await next(context);
        });
        return group;
    }

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> ListProperties = new();

    /// <summary>Where a list of the body holds null (<c>"tools": [null]</c>): every handler may take its entries as values.</summary>
    private static IEnumerable<(string Field, int Index)> NullListEntries(object body)
    {
        var lists = ListProperties.GetOrAdd(body.GetType(), type => [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(p.PropertyType) && p.GetIndexParameters().Length == 0)]);
        foreach (var list in lists)
        {
            if (list.GetValue(body) is not IEnumerable values)
            {
                continue;
            }
            var index = 0;
            foreach (var value in values)
            {
                if (value is null)
                {
                    yield return (JsonNamingPolicy.CamelCase.ConvertName(list.Name), index);
                }
                index++;
            }
        }
    }

    // Request bodies are the application's own records; framework services and primitives are not validated.
    private static bool IsRequestBody(Type type) =>
        type.Name.EndsWith("Request", StringComparison.Ordinal) && type.IsClass && !type.Namespace!.StartsWith("Microsoft", StringComparison.Ordinal);
}
