using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Moa.Hub.Tests.Infrastructure;

namespace Moa.Hub.Tests.Integration;

/// <summary>
/// Property test over every endpoint the hub maps: malformed bodies (nulls, extremes, wrong types, deep nesting,
/// broken JSON, wrong content types) and malformed route and query values, sent by the public, an operator, a
/// provider and a team member, never give a 500 or a stack trace.
/// </summary>
public abstract partial class HubIntegrationTests
{
    private static readonly string[] s_values =
    [
        "null", "2147483647", "-2147483648", "9223372036854775807", "-1", "0", "1e400", "1.5", "\"x\"", "\"\"", "[null]", "[]", "{}",
        "true", "[[[[[]]]]]", "\"2024-13-45T99:00:00Z\"", "\"" + new string('가', 5000) + "\"", "\"\\u0000\"",
    ];

    private static readonly string[] s_rawBodies =
    [
        "", "null", "[]", "{}", "\"x\"", "1", "true", "{\"a\":", "{\"a\" 1}", "{'a':1}",
        new string('[', 300) + new string(']', 300), "{\"a\":" + string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 201),
    ];

    [Fact]
    public async Task Fuzz_MalformedInputToEveryEndpoint_NeverGives500()
    {
        var endpoints = ((IEndpointRouteBuilder)f.App).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not null)
            .ToList();
        endpoints.Count.ShouldBeGreaterThanOrEqualTo(55, "every endpoint of the hub is enumerated");
        var failures = new StringBuilder();
        var requests = 0;
        using var anon = f.Client();
        using var op = f.Client("operator");
        using var provider = f.Client("provider");
        using var team = f.Client("team");
        using var cookie = await f.CookieClient("operator@moa.test");
        var csrf = await HubFixture.CsrfToken(cookie);
        var clients = new[] { ("public", anon), ("operator", op), ("provider", provider), ("team", team) };

        async Task Send(string who, HttpClient c, HttpRequestMessage req)
        {
            requests++;
            var r = await c.SendAsync(req);
            var body = await r.Content.ReadAsStringAsync();
            if ((int)r.StatusCode >= 500 || body.Contains("   at ", StringComparison.Ordinal))
            {
                failures.AppendLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{who,-8} {req.Method} {req.RequestUri}: {(int)r.StatusCode} {body[..Math.Min(body.Length, 300)]}"));
            }
        }

        foreach (var ep in endpoints)
        {
            var pattern = ep.RoutePattern.RawText ?? "";
            var path = "/" + pattern.TrimStart('/');
            foreach (var p in ep.RoutePattern.Parameters)
            {
                var value = p.Name switch
                {
                    "id" => "999999",
                    "slug" => "nsmc-reviews",
                    "version" => "1",
                    "path" => "data/part-00000.jsonl.gz",
                    "kind" => "application_form",
                    "action" => "review",
                    "token" => "eA.eA",
                    "code" => "en",
                    _ => "x",
                };
                path = System.Text.RegularExpressions.Regex.Replace(path, "\\{\\**" + p.Name + "[^}]*\\}", value);
            }

            foreach (var method in ep.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods)
            {
                // Sign-in endpoints are fuzzed only with bodies that fail before a password is checked (failed sign-ins
                // count against this address and would lock the fixture's other tests out).
                var signIn = path is "/api/auth/token" or "/login";
                if (path == "/logout")
                {
                    continue;
                }

                if (method is "GET" or "HEAD")
                {
                    foreach (var query in new[] { "", "?after=x&limit=-5", "?limit=99999999999&after=-1", "?all=maybe", "?purpose=%00", "?purpose=" + new string('x', 3000) })
                    {
                        foreach (var (who, c) in clients)
                        {
                            await Send(who, c, new HttpRequestMessage(new HttpMethod(method), path + query));
                        }
                    }

                    continue;
                }

                var requestType = ep.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
                var bodies = new List<string>(s_rawBodies);
                if (requestType is not null && requestType != typeof(object))
                {
                    var props = requestType.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First().GetParameters()
                        .Select(x => JsonNamingPolicy.CamelCase.ConvertName(x.Name!)).ToList();
                    foreach (var v in s_values)
                    {
                        if (signIn && v.StartsWith('"'))
                        {
                            continue;
                        }

                        bodies.Add("{" + string.Join(",", props.Select(x => $"\"{x}\":{v}")) + "}");
                        bodies.Add("{" + string.Join(",", props.Select(x => $"\"{x}\":[{v},{v}]")) + "}");
                    }
                }

                // One field at a time malformed (the rest absent), from the signed-in roles that pass the sign-in gate.
                var single = new List<string>();
                if (requestType is not null && requestType != typeof(object) && !signIn)
                {
                    foreach (var prop in requestType.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First().GetParameters())
                    {
                        foreach (var v in s_values)
                        {
                            single.Add($"{{\"{JsonNamingPolicy.CamelCase.ConvertName(prop.Name!)}\":{v}}}");
                        }
                    }
                }

                foreach (var body in single)
                {
                    foreach (var (who, c) in clients.Where(x => x.Item1 is "operator" or "provider"))
                    {
                        await Send(who, c, new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
                    }
                }

                foreach (var body in bodies)
                {
                    foreach (var (who, c) in clients)
                    {
                        if (signIn && who != "public")
                        {
                            continue;
                        }

                        await Send(who, c, new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
                    }
                }

                // Forms (pages) with malformed fields, from a signed-in browser session with a valid antiforgery token.
                if (!path.StartsWith("/api", StringComparison.Ordinal) && !signIn)
                {
                    string[] fields = ["version", "path", "purpose", "title", "fieldCode", "partners", "demand", "reason", "provider", "team", "datasets", "purposes", "commercial", "starts", "ends", "processing", "copyright", "responsibilities"];
                    foreach (var v in new[] { "", "abc", "-1", "99999999999999999999999", "\u0000", new string('x', 5000), "2024-02-30" })
                    {
                        var form = new MultipartFormDataContent { { new StringContent(csrf), "__RequestVerificationToken" } };
                        foreach (var field in fields)
                        {
                            form.Add(new StringContent(v), field);
                        }

                        await Send("cookie", cookie, new HttpRequestMessage(new HttpMethod(method), path) { Content = form });
                    }

                    await Send("cookie", cookie, new HttpRequestMessage(new HttpMethod(method), path) { Content = new ByteArrayContent("--broken\r\n\r\n"u8.ToArray()) { Headers = { { "Content-Type", "multipart/form-data; boundary=broken" } } } });
                }
            }
        }

        requests.ShouldBeGreaterThan(5000);
        Console.WriteLine($"fuzz: {requests} requests to {endpoints.Count} endpoints");
        failures.ToString().ShouldBeEmpty();
    }
}
