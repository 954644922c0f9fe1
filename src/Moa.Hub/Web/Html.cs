using System.Net;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Moa.Hub.Accounts;

namespace Moa.Hub.Web;

/// <summary>Server-rendered HTML: the layout, encoding, forms with antiforgery tokens, and Korean/English strings.</summary>
internal static class Html
{
    public static string E(string? s) => WebUtility.HtmlEncode(s ?? "");

    /// <summary>The page language: cookie <c>moa_lang</c>, else Accept-Language, else Korean.</summary>
    public static string Lang(HttpContext ctx)
    {
        var c = ctx.Request.Cookies["moa_lang"];
        if (c is "ko" or "en")
        {
            return c;
        }

        var al = ctx.Request.Headers.AcceptLanguage.ToString();
        return al.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "ko";
    }

    public static string T(HttpContext ctx, string key) =>
        s_strings.TryGetValue(key, out var pair) ? (Lang(ctx) == "en" ? pair.En : pair.Ko) : key;

    /// <summary>Hidden antiforgery field for a form.</summary>
    public static string Csrf(HttpContext ctx)
    {
        var af = ctx.RequestServices.GetService(typeof(IAntiforgery)) as IAntiforgery;
        var tokens = af!.GetAndStoreTokens(ctx);
        return $"<input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken)}\">";
    }

    public static IResult Page(HttpContext ctx, string title, string body, int status = 200) =>
        Results.Content(Render(ctx, title, body), "text/html; charset=utf-8", Encoding.UTF8, status);

    /// <summary>The full HTML document: header with navigation, language switch and sign-in state, then the body.</summary>
    public static string Render(HttpContext ctx, string title, string body)
    {
        var user = ctx.User();
        var sb = new StringBuilder(4096);
        sb.Append("<!doctype html><html lang=\"").Append(Lang(ctx)).Append("\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">");
        sb.Append("<title>").Append(E(title)).Append(" · Moa</title><link rel=\"stylesheet\" href=\"/static/hub.css\"></head><body><header><a class=\"brand\" href=\"/\">모아 Moa</a><nav>");
        sb.Append("<a href=\"/datasets\">").Append(T(ctx, "nav.datasets")).Append("</a>");
        sb.Append("<a href=\"/benchmarks\">").Append(T(ctx, "nav.benchmarks")).Append("</a>");
        sb.Append("<a href=\"/calls\">").Append(T(ctx, "nav.calls")).Append("</a>");
        sb.Append("<a href=\"/leaderboard\">").Append(T(ctx, "nav.leaderboard")).Append("</a>");
        if (user is not null)
        {
            if (user.Role != HubRoles.Team)
            {
                sb.Append("<a href=\"/applications\">").Append(T(ctx, "nav.applications")).Append("</a>");
            }

            sb.Append("<a href=\"/agreements\">").Append(T(ctx, "nav.agreements")).Append("</a>");
            if (user.IsOperator)
            {
                sb.Append("<a href=\"/audit\">").Append(T(ctx, "nav.audit")).Append("</a>");
                sb.Append("<a href=\"/users\">").Append(T(ctx, "users.title")).Append("</a>");
                sb.Append("<a href=\"/organisations\">").Append(T(ctx, "organisations.title")).Append("</a>");
            }

            sb.Append("<a href=\"/tokens\">").Append(T(ctx, "tokens.title")).Append("</a>");
        }

        sb.Append("</nav><div class=\"who\">");
        sb.Append("<a href=\"/lang/ko\">한국어</a> · <a href=\"/lang/en\">English</a> · ");
        if (user is null)
        {
            sb.Append("<a id=\"login-link\" href=\"/login\">").Append(T(ctx, "login")).Append("</a>");
        }
        else
        {
            sb.Append("<span id=\"whoami\">").Append(E(user.Email)).Append(" (").Append(E(T(ctx, "role." + user.Role))).Append(")</span> ");
            sb.Append("<form method=\"post\" action=\"/logout\" class=\"inline\">").Append(Csrf(ctx)).Append("<button id=\"logout\">").Append(T(ctx, "logout")).Append("</button></form>");
        }

        sb.Append("</div></header><main><h1>").Append(E(title)).Append("</h1>").Append(body).Append("</main></body></html>");
        return sb.ToString();
    }

    private static readonly Dictionary<string, (string Ko, string En)> s_strings = new(StringComparer.Ordinal)
    {
        ["nav.datasets"] = ("데이터셋", "Datasets"),
        ["nav.benchmarks"] = ("벤치마크", "Benchmarks"),
        ["nav.calls"] = ("공모", "Calls"),
        ["nav.leaderboard"] = ("리더보드", "Leaderboard"),
        ["nav.applications"] = ("신청", "Applications"),
        ["nav.agreements"] = ("협약", "Agreements"),
        ["nav.audit"] = ("감사 로그", "Audit log"),
        ["login"] = ("로그인", "Sign in"),
        ["logout"] = ("로그아웃", "Sign out"),
        ["email"] = ("이메일", "Email"),
        ["password"] = ("비밀번호", "Password"),
        ["totp.reset"] = ("2단계 인증 초기화", "Reset second factor"),
        ["totp.code"] = ("인증 코드 (2단계 인증 등록 시)", "Authenticator code (if enrolled)"),
        ["role.operator"] = ("운영기관", "operator"),
        ["role.provider"] = ("데이터 제공기관", "provider member"),
        ["role.team"] = ("모델 개발팀", "team member"),
        ["home.title"] = ("모아 데이터 허브", "Moa data hub"),
        ["home.intro"] = ("데이터 제공기관의 신청, 삼자 협약, 관리되는 데이터 카탈로그와 다운로드, 감사 로그.",
            "Provider intake, tripartite agreements, a governed catalogue with downloads, and an audit log."),
        ["datasets.title"] = ("데이터셋 카탈로그", "Dataset catalogue"),
        ["documents"] = ("문서 수", "Documents"),
        ["bytes"] = ("크기", "Size"),
        ["tokens"] = ("토큰", "Tokens"),
        ["viewer"] = ("데이터 보기", "Dataset viewer"),
        ["version"] = ("버전", "Version"),
        ["versions"] = ("버전 이력", "Version history"),
        ["version.current"] = ("현행", "current"),
        ["version.withdrawn"] = ("회수됨", "withdrawn"),
        ["version.superseded"] = ("대체됨", "superseded"),
        ["version.withdraw"] = ("버전 회수", "Withdraw version"),
        ["version.supersede"] = ("후속 버전으로 대체", "Supersede by"),
        ["version.superseded.by"] = ("이 데이터셋은 다음 버전으로 대체되었습니다:", "This dataset was superseded by:"),
        ["licence"] = ("라이선스", "Licence"),
        ["stats"] = ("통계", "Statistics"),
        ["stages"] = ("정제 단계", "Curation stages"),
        ["languages"] = ("언어", "Languages"),
        ["reasons"] = ("제외 사유", "Removal reasons"),
        ["sample"] = ("샘플 (개인정보 마스킹)", "Sample rows (personal data masked)"),
        ["files"] = ("파일", "Files"),
        ["download"] = ("다운로드", "Download"),
        ["purpose"] = ("이용 목적", "Purpose"),
        ["download.hint"] = ("다운로드는 이 데이터셋과 목적을 포함하는 유효한 협약이 있는 모델 개발팀 구성원만 가능합니다.",
            "Only team members under an active agreement covering this dataset and purpose can download."),
        ["calls.title"] = ("공모", "Calls for applications"),
        ["apply"] = ("신청하기", "Apply"),
        ["field"] = ("분야", "Field"),
        ["title"] = ("제목", "Title"),
        ["partners"] = ("참여기관", "Participating organisations"),
        ["demand"] = ("수요기관", "Demand organisations"),
        ["doc.application_form"] = ("사업 신청서", "Application form"),
        ["doc.data_provision_plan"] = ("데이터 제공 계획서", "Data provision plan"),
        ["doc.business_registration"] = ("사업자등록증", "Business registration certificate"),
        ["applications.title"] = ("신청 현황", "Applications"),
        ["state"] = ("상태", "State"),
        ["review"] = ("검토 시작", "Start review"),
        ["select"] = ("선정", "Select"),
        ["reject"] = ("탈락", "Reject"),
        ["accept"] = ("참여 수락", "Accept role"),
        ["submit"] = ("제출", "Submit"),
        ["withdraw"] = ("신청 철회", "Withdraw"),
        ["awaiting.consent"] = ("수락 대기", "awaiting consent"),
        ["reason"] = ("사유", "Reason"),
        ["agreements.title"] = ("협약", "Agreements"),
        ["sign"] = ("서명", "Sign"),
        ["revoke"] = ("해지", "Revoke"),
        ["new.agreement"] = ("새 협약", "New agreement"),
        ["create"] = ("만들기", "Create"),
        ["home.open.calls"] = ("진행 중인 공모", "Open calls"),
        ["home.to.review"] = ("검토할 신청", "Applications to review"),
        ["home.awaiting.signatures"] = ("서명 대기 협약", "Agreements awaiting signatures"),
        ["home.missing"] = ("남은 서명", "missing"),
        ["home.usage"] = ("기관별 다운로드(월별)와 유효 토큰", "Downloads by organisation and month, and active tokens"),
        ["home.active.tokens"] = ("유효 토큰", "Active tokens"),
        ["home.my.applications"] = ("우리 기관의 신청", "Our applications"),
        ["home.please.accept"] = ("참여 수락이 필요합니다", "your acceptance is needed"),
        ["home.my.datasets"] = ("우리 기관의 데이터셋", "Our datasets"),
        ["home.curation.report"] = ("정제 보고서", "curation report"),
        ["home.downloadable"] = ("다운로드할 수 있는 데이터셋", "Datasets you may download"),
        ["home.until"] = ("만료", "until"),
        ["home.none"] = ("없음", "None"),
        ["users.title"] = ("사용자 관리", "Users"),
        ["organisations.title"] = ("기관 관리", "Organisations"),
        ["organisation.members"] = ("구성원", "Members"),
        ["organisation.kind"] = ("유형", "Kind"),
        ["organisation.brn"] = ("사업자등록번호", "Business registration number"),
        ["tokens.title"] = ("API 토큰", "API tokens"),
        ["token.new"] = ("새 토큰", "New token"),
        ["token.days"] = ("유효 기간(일)", "Valid for (days)"),
        ["token.shown.once"] = ("토큰은 지금 한 번만 표시됩니다. 안전한 곳에 보관하세요.", "The token is shown only now; keep it somewhere safe."),
        ["role"] = ("역할", "Role"),
        ["organisation"] = ("기관", "Organisation"),
        ["enabled"] = ("사용 중", "enabled"),
        ["disabled"] = ("사용 중지", "disabled"),
        ["enable"] = ("사용 재개", "Enable"),
        ["disable"] = ("사용 중지", "Disable"),
        ["revoked"] = ("폐기됨", "revoked"),
        ["audit.title"] = ("감사 로그", "Audit log"),
        ["benchmarks.title"] = ("벤치마크", "Benchmarks"),
        ["error"] = ("요청을 처리할 수 없습니다", "The request cannot be completed"),
        ["deadline"] = ("마감", "Deadline"),
        ["budget"] = ("예산", "Budget"),
        ["commercial"] = ("상업적 이용", "Commercial use"),
        ["period"] = ("기간", "Period"),
        ["datasets"] = ("데이터셋", "Datasets"),
        ["purposes"] = ("목적", "Purposes"),
        ["signatures"] = ("서명", "Signatures"),
        ["provider.org"] = ("제공기관", "Provider"),
        ["team.org"] = ("개발팀", "Team"),
        ["costs"] = ("비용 (가공 지원 / 저작권 보상, 원)", "Costs (processing support / copyright compensation, KRW)"),
        ["responsibilities"] = ("책임 사항", "Responsibilities"),
    };
}
