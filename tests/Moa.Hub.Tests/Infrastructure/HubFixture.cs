using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Moa.Hub.Accounts;
using Moa.Hub.Catalogue;
using Moa.Hub.Programme;
using Moa.Hub.Storage;
using Moa.Hub.Web;
using Npgsql;

namespace Moa.Hub.Tests.Infrastructure;

/// <summary>A clock tests can move.</summary>
public sealed class ManualTime(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>Captures every log line the web host writes (to check that no secret leaks into logs).</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    public List<string> Lines { get; } = [];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (owner.Lines)
            {
                owner.Lines.Add($"{category}: {formatter(state, exception)} {exception}");
            }
        }
    }
}

/// <summary>
/// One hub web host per test class over a fresh database of one dialect, seeded with an operator, organisations,
/// a provider member, a team member, a call and a dataset. Subclasses choose the database.
/// </summary>
public abstract class HubFixture : IAsyncLifetime
{
    public const string Password = "correct-horse-battery-9";

    public HubDatabase Db { get; private set; } = null!;

    public WebApplication App { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public ManualTime Time { get; } = new(DateTimeOffset.UtcNow);

    public HubOptions Options { get; } = new();

    public CapturingLoggerProvider Logs { get; } = new();

    public string DataDir { get; } = TestPaths.NewTempDir("hub");

    public HubUser Operator { get; private set; } = null!;

    public HubUser ProviderMember { get; private set; } = null!;

    public HubUser PartnerMember { get; private set; } = null!;

    public HubUser TeamMember { get; private set; } = null!;

    public HubUser OtherTeamMember { get; private set; } = null!;

    public HubUser ThirdMember { get; private set; } = null!;

    public Organisation ProviderOrg { get; private set; } = null!;

    public Organisation PartnerOrg { get; private set; } = null!;

    public Organisation ThirdOrg { get; private set; } = null!;

    public Organisation TeamOrg { get; private set; } = null!;

    public Organisation OtherTeamOrg { get; private set; } = null!;

    public Call Call { get; private set; } = null!;

    public string CurateDir { get; private set; } = "";

    public readonly Dictionary<string, string> Tokens = new(StringComparer.Ordinal);

    protected abstract Task<HubDatabase> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        Options.DataDirectory = DataDir;
        Options.MaxDocumentBytes = 256 * 1024;
        Options.MaxUncompressedBytes = 8 * 1024 * 1024;
        Db = await CreateDatabaseAsync();
        (await Db.MigrateAsync()).ShouldBe(0, "a second migration run applies nothing");
        App = HubApp.Build(Db, Options, "http://127.0.0.1:0", Time, l => l.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        await App.StartAsync();
        BaseUrl = App.Urls.First();

        var accounts = new AccountService(Db, Time, Options);
        (await accounts.EnsureOperatorAsync("operator@moa.test", Password)).Created.ShouldBeTrue();
        Operator = await accounts.SignInAsync("operator@moa.test", Password, "127.0.0.1");
        var programme = new ProgrammeService(Db, Time, Options);
        ProviderOrg = await programme.CreateOrganisationAsync(Operator, "한빛데이터", "124-81-00998", "company");
        PartnerOrg = await programme.CreateOrganisationAsync(Operator, "바른말연구소", "220-81-62517", "company");
        ThirdOrg = await programme.CreateOrganisationAsync(Operator, "새봄대학교 산학협력단", "101-82-13347", "university");
        TeamOrg = await programme.CreateOrganisationAsync(Operator, "모델팀 A", "214-86-18758", "team");
        OtherTeamOrg = await programme.CreateOrganisationAsync(Operator, "모델팀 B", "138-81-43453", "team");
        ProviderMember = await accounts.CreateUserAsync(Operator, "provider@moa.test", "Provider", HubRoles.Provider, Password, ProviderOrg.Id);
        PartnerMember = await accounts.CreateUserAsync(Operator, "partner@moa.test", "Partner", HubRoles.Provider, Password, PartnerOrg.Id);
        TeamMember = await accounts.CreateUserAsync(Operator, "team@moa.test", "Team", HubRoles.Team, Password, TeamOrg.Id);
        OtherTeamMember = await accounts.CreateUserAsync(Operator, "team-b@moa.test", "Team B", HubRoles.Team, Password, OtherTeamOrg.Id);
        ThirdMember = await accounts.CreateUserAsync(Operator, "third@moa.test", "Third", HubRoles.Provider, Password, ThirdOrg.Id);
        Call = await programme.CreateCallAsync(Operator, "2024 초거대AI 데이터 구축", "test call", 2024, Time.Now.AddDays(30),
            [new("F1", "한국어 말뭉치", 2_000_000_000, 2), new("F2", "멀티모달", 1_200_000_000, 2), new("F3", "벤치마크", 600_000_000, 1)]);
        CurateDir = CurateFolder.Create(Path.Combine(DataDir, "curated"), extraFirstLine: "문의: 010-1234-5678, hong@example.com, 주민번호 900101-1234567");
        await new CatalogueService(Db, Time).RegisterAsync(Operator, CurateDir, "nsmc-reviews", "NSMC 영화 리뷰", "CC-BY-4.0", "네이버 영화 리뷰 말뭉치 표본", ProviderOrg.Id);
        foreach (var (name, user) in new[] { ("operator", Operator), ("provider", ProviderMember), ("partner", PartnerMember), ("team", TeamMember), ("teamb", OtherTeamMember), ("third", ThirdMember) })
        {
            Tokens[name] = (await accounts.IssueTokenAsync(user, "tests", TokenScopes.All, TimeSpan.FromDays(1))).Token;
        }
    }

    /// <summary>A client with a bearer token for a role name (operator, provider, partner, third, team, teamb) or none for the public.</summary>
    public HttpClient Client(string? who = null)
    {
        var c = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(BaseUrl) };
        if (who is not null)
        {
            c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens[who]);
        }

        return c;
    }

    /// <summary>Signs in through the login form (antiforgery token included) and returns a client holding the session cookie.</summary>
    public Task<HttpClient> CookieClient(string email, string? password = null) => SignInWithCookie(BaseUrl, email, password ?? Password);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<HttpClient, CookieContainer> s_jars = [];

    /// <summary>The Cookie header a cookie client sends (to replay it from elsewhere).</summary>
    public static string CookieHeader(HttpClient c) => s_jars.TryGetValue(c, out var jar) ? jar.GetCookieHeader(c.BaseAddress!) : "";

    public static async Task<HttpClient> SignInWithCookie(string baseUrl, string email, string password, string? returnUrl = null)
    {
        var jar = new CookieContainer();
        var c = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = jar }) { BaseAddress = new Uri(baseUrl) };
        s_jars.Add(c, jar);
        var r = await c.PostAsync("/login", await LoginForm(c, email, password, returnUrl));
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect, await r.Content.ReadAsStringAsync());
        return c;
    }

    /// <summary>The login form's fields with a fresh antiforgery token from GET /login.</summary>
    public static async Task<FormUrlEncodedContent> LoginForm(HttpClient c, string email, string password, string? returnUrl = null)
    {
        var page = await (await c.GetAsync("/login")).Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var fields = new Dictionary<string, string> { ["email"] = email, ["password"] = password, ["__RequestVerificationToken"] = token };
        if (returnUrl is not null)
        {
            fields["returnUrl"] = returnUrl;
        }

        return new FormUrlEncodedContent(fields);
    }

    /// <summary>The antiforgery request token a cookie client must send in X-CSRF-TOKEN (read from a page's form).</summary>
    public static async Task<string> CsrfToken(HttpClient c)
    {
        var page = await (await c.GetAsync("/login")).Content.ReadAsStringAsync();
        return System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
    }

    public static async Task<JsonElement> Json(HttpResponseMessage r) => JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.Clone();

    public static async Task<string> Detail(HttpResponseMessage r) => (await Json(r)).GetProperty("detail").GetString()!;

    public virtual async Task DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await Db.DisposeAsync();
    }
}

public sealed class SqliteHubFixture : HubFixture
{
    protected override Task<HubDatabase> CreateDatabaseAsync() =>
        Moa.Hub.HubBootstrap.OpenAsync("sqlite:" + Path.Combine(DataDir, "hub.db"));
}

/// <summary>A fresh PostgreSQL database per fixture on the server from MOA_TEST_PG (scripts/start-postgres.sh). Fails, never skips, when unreachable.</summary>
public sealed class PostgresHubFixture : HubFixture
{
    private string? _database;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(ServerConnectionString);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
    }

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("MOA_TEST_PG") is { Length: > 0 } cs ? cs : "Host=127.0.0.1;Port=55432;Username=moa;Password=moa;Database=moa_test";

    protected override async Task<HubDatabase> CreateDatabaseAsync()
    {
        var name = "moa_t_" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            await using var conn = new NpgsqlConnection(ServerConnectionString);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException)
        {
            throw new InvalidOperationException(
                $"PostgreSQL is expected but unreachable at '{ServerConnectionString}' ({ex.Message}). Start it with: eval \"$(scripts/start-postgres.sh)\" (./test.sh does this).", ex);
        }

        _database = name;
        var b = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name };
        return await Moa.Hub.HubBootstrap.OpenAsync("postgres:" + b.ConnectionString);
    }
}

/// <summary>
/// A second, independent hub for tests that need another instance (its own SQLite database, data folder and operator)
/// or other options (HTTPS, a trusted proxy).
/// </summary>
public sealed class ExtraHub : IAsyncDisposable
{
    private ExtraHub(HubDatabase db, WebApplication app, string dataDir)
    {
        Db = db;
        App = app;
        DataDir = dataDir;
    }

    public HubDatabase Db { get; }

    public WebApplication App { get; }

    public string DataDir { get; }

    public string BaseUrl => App.Urls.First();

    public static async Task<ExtraHub> StartAsync(string operatorEmail, string operatorPassword, Action<HubOptions>? configure = null, string? dataDir = null)
    {
        dataDir ??= TestPaths.NewTempDir("hub2");
        var options = new HubOptions { DataDirectory = dataDir };
        configure?.Invoke(options);
        var db = await Moa.Hub.HubBootstrap.OpenAsync("sqlite:" + Path.Combine(dataDir, "hub.db"));
        await new AccountService(db, TimeProvider.System, options).EnsureOperatorAsync(operatorEmail, operatorPassword);
        var app = HubApp.Build(db, options, "http://127.0.0.1:0", TimeProvider.System, l => l.SetMinimumLevel(LogLevel.Warning));
        await app.StartAsync();
        return new ExtraHub(db, app, dataDir);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await Db.DisposeAsync();
    }
}
