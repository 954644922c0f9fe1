using System.Net;
using System.Net.Http.Json;
using Moa.Hub.Accounts;
using Moa.Hub.Tests.Infrastructure;

namespace Moa.Hub.Tests.Integration;

/// <summary>The optional TOTP second factor through the API and the sign-in flows (issue 12, "Accounts").</summary>
public abstract partial class HubIntegrationTests
{
    [Fact]
    public async Task Totp_EnrolConfirmAndSignIn_RefusesMissingWrongAndReplayedCodes()
    {
        const string password = "a-second-factor-operator-7";
        var email = Unique("totp-op") + "@moa.test";
        using var op = f.Client("operator");
        var created = await op.PostAsJsonAsync("/api/users", new { email, displayName = "TOTP operator", role = "operator", password });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var userId = (await HubFixture.Json(created)).GetProperty("id").GetInt64();
        using var anon = f.Client();
        async Task<HttpResponseMessage> TokenWith(string? code) =>
            await anon.PostAsJsonAsync("/api/auth/token", new { email, password, name = Unique("totp"), scopes = new[] { "read", "write" }, code });

        var first = await HubFixture.Json(await TokenWith(null));
        using var me = Bearer(first.GetProperty("token").GetString()!);

        // Other roles are not offered the second factor.
        using var provider = f.Client("provider");
        (await provider.PostAsync("/api/me/totp", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // Enrol: the secret is shown once, as base32 and as an otpauth URI; until confirmed, sign-in needs no code.
        var enrol = await me.PostAsync("/api/me/totp", null);
        enrol.StatusCode.ShouldBe(HttpStatusCode.OK, await enrol.Content.ReadAsStringAsync());
        var e = await HubFixture.Json(enrol);
        var secret = Totp.FromBase32(e.GetProperty("secret").GetString()!);
        secret.Length.ShouldBe(20);
        e.GetProperty("otpauthUri").GetString()!.ShouldStartWith("otpauth://totp/Moa%20hub:");
        (await TokenWith(null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var step = Totp.Step(f.Time.Now);
        var bad = await me.PostAsJsonAsync("/api/me/totp/confirm", new { code = "12a456" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await HubFixture.Detail(bad)).ShouldStartWith("code:");
        var wrongConfirm = Totp.Code(secret, step + 5);
        (await me.PostAsJsonAsync("/api/me/totp/confirm", new { code = wrongConfirm })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await me.PostAsJsonAsync("/api/me/totp/confirm", new { code = Totp.Code(secret, step - 1) })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await me.PostAsync("/api/me/totp", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // Now sign-in needs a code: missing, wrong, then right; the same code again is a replay, an older one too.
        var missing = await TokenWith(null);
        missing.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await HubFixture.Detail(missing)).ShouldStartWith("second factor required");
        var wrong = await TokenWith(Totp.Code(secret, step + 3));
        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await HubFixture.Detail(wrong)).ShouldContain("code is wrong");
        (await TokenWith(Totp.Code(secret, step))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var replay = await TokenWith(Totp.Code(secret, step));
        replay.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await HubFixture.Detail(replay)).ShouldContain("already used");
        (await TokenWith(Totp.Code(secret, step + 1))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await TokenWith(Totp.Code(secret, step))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "a code older than the last accepted one is refused");

        var audit = await Audit();
        audit.ShouldContain(a => a.Action == "user.totp_enrolled" && a.Subject == $"user:{userId}");
        audit.ShouldContain(a => a.Action == "signin.failed" && a.Detail.Contains("second-factor code wrong", StringComparison.Ordinal));
        audit.ShouldContain(a => a.Action == "signin.refused" && a.Detail.Contains("second-factor code replayed", StringComparison.Ordinal));

        // The sign-in page takes the code too (the clock moves on so a fresh step is available).
        f.Time.Now += TimeSpan.FromSeconds(Totp.StepSeconds * 3);
        using var browser = f.Client();
        var noCode = await browser.PostAsync("/login", await HubFixture.LoginForm(browser, email, password));
        ((int)noCode.StatusCode).ShouldBeOneOf(302, 401);
        var fields = new Dictionary<string, string>
        {
            ["email"] = email, ["password"] = password, ["code"] = Totp.Code(secret, Totp.Step(f.Time.Now)), ["__RequestVerificationToken"] = await HubFixture.CsrfToken(browser),
        };
        var signedIn = await browser.PostAsync("/login", new FormUrlEncodedContent(fields));
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signedIn.Headers.Location!.ToString().ShouldNotContain("login");

        // Only operators reset a second factor; after a reset the password alone signs in again.
        (await provider.PostAsync($"/api/users/{userId}/totp/reset", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await op.PostAsync("/api/users/999999/totp/reset", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await op.PostAsync($"/api/users/{userId}/totp/reset", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await TokenWith(null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Audit()).ShouldContain(a => a.Action == "user.totp_reset" && a.Subject == $"user:{userId}");
    }
}
