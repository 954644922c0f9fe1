using System.Text;
using System.Text.Json;
using Moa.Privacy;

namespace Moa.Privacy.Tests.EvalSet;

/// <summary>
/// Builds the labelled PII evaluation set deterministically (fixed seed): real carrier sentences from ../shared/data
/// (NSMC reviews, news comments, KoBEST, CLIcK) with inserted synthetic PII in realistic phrasings, real rows of the
/// data.go.kr park and tourist-site CSV files whose address and phone columns are labelled in place, and hard
/// negatives (case numbers, barcodes, ISBNs, prices, dates, statute and order numbers) that carry no label.
/// The set is stored as <c>pii-eval.jsonl</c> beside this file; a test checks the stored file matches this builder.
/// </summary>
internal static class EvalSetBuilder
{
    public const int Seed = 20261121;

    private static readonly Dictionary<string, string[]> s_templates = new()
    {
        [PiiTypes.ResidentRegistrationNumber] =
        [
            "주민등록번호 {KR_RRN} 로 본인확인 했습니다.", "주민번호: {KR_RRN}", "신청인 주민등록번호({KR_RRN})를 기재", "{KR_RRN} 이 번호로 조회해 주세요",
            "RRN {KR_RRN} on file", "생년월일/주민번호 {RRN_BARE}", "아기 주민번호 {RRN_NEW} 나왔어요", "회원 정보 {KR_RRN} 유출",
        ],
        [PiiTypes.AlienRegistrationNumber] = ["외국인등록번호 {KR_ARN} 입니다", "등록증 번호 {KR_ARN} 확인 바랍니다", "외국인 근로자 {KR_ARN} 신고"],
        [PiiTypes.CorporateRegistrationNumber] = ["법인등록번호 {KR_CRN}", "(주)한빛 법인번호: {KR_CRN} 대표 {PERSON_TITLE}", "법인등록번호({KR_CRN}) 변경"],
        [PiiTypes.BusinessRegistrationNumber] =
        [
            "사업자등록번호 {KR_BRN} 상호 모아상사", "사업자번호: {BRN_BARE}", "판매자 정보 {KR_BRN} 통신판매업 신고", "세금계산서 등록번호 {KR_BRN}",
        ],
        [PiiTypes.Passport] = ["여권번호 {KR_PASSPORT} 만료일 확인", "passport no. {KR_PASSPORT}", "{KR_PASSPORT} 여권으로 출국", "여권 {KR_PASSPORT} 분실 신고"],
        [PiiTypes.DriverLicense] = ["운전면허번호 {KR_DRIVER_LICENSE}", "면허증 {KR_DRIVER_LICENSE} 제출", "{KR_DRIVER_LICENSE} 면허 정지"],
        [PiiTypes.Phone] =
        [
            "연락처 {PHONE} 로 문자 주세요", "전화: {PHONE}", "문의는 {PHONE} 으로 해주세요", "Call me at {PHONE} anytime.", "H.P {PHONE}",
            "{PHONE} 여기로 연락", "예약 {PHONE}", "담당자 {PERSON_LABEL} ({PHONE})",
        ],
        [PiiTypes.Email] = ["메일 {EMAIL} 로 보내주세요", "Contact: {EMAIL}", "이메일({EMAIL})", "{EMAIL} 으로 제출", "e-mail {EMAIL}."],
        [PiiTypes.CreditCard] = ["카드번호 {CREDIT_CARD} 결제", "card {CREDIT_CARD} exp 09/27", "{CREDIT_CARD} 로 결제했어요", "결제수단 {CREDIT_CARD}"],
        [PiiTypes.BankAccount] =
        [
            "{BANK} {BANK_ACCOUNT} 예금주 {PERSON_LABEL}", "입금계좌: {BANK} {BANK_ACCOUNT}", "{BANK} {BANK_ACCOUNT}로 송금 부탁", "환불 계좌 {BANK_ACCOUNT} ({BANK})",
        ],
        [PiiTypes.IpAddress] = ["접속 IP {IP_ADDRESS} 차단", "from {IP_ADDRESS} at 03:12", "서버 {IP_ADDRESS} 에서 오류 발생", "로그인 기록: {IP_ADDRESS}"],
        [PiiTypes.VehiclePlate] = ["차량번호 {KR_VEHICLE_PLATE} 주차위반", "{KR_VEHICLE_PLATE} 차량이 사고를 냈다", "번호판 {KR_VEHICLE_PLATE} 흰색 승용차", "택시 {KR_VEHICLE_PLATE} 기사님"],
        [PiiTypes.Address] = ["주소: {KR_ADDRESS}", "{KR_ADDRESS}로 배송 부탁드립니다", "거주지 {KR_ADDRESS} 에 삽니다", "Ship to {KR_ADDRESS}."],
        [PiiTypes.Person] =
        [
            "{PERSON} 씨가 말했다", "{PERSON}님 감사합니다", "{PERSON_TITLE} 의 연구", "성명: {PERSON_LABEL}", "작성자 {PERSON_LABEL}", "Mr. {PERSON_EN} said",
            "Name: {PERSON_EN}", "{PERSON} 기자 = 보도", "{PERSON} 감독 최고", "{PERSON}가 집에 갔다",
        ],
    };

    private static readonly string[] s_hardNegatives =
    [
        "대법원 2019도1234 판결", "서울고등법원 2020나12345 사건", "바코드 8801234567893", "상품 8801011234567 재고 있음", "ISBN 978-89-546-1234-5",
        "ISBN 9788934567899", "가격 12,000원", "1,234,567원 결제 예정", "2023-05-01 14:30 출발", "2019.12.31 개봉", "법률 제12345호",
        "형법 제250조 제1항", "주문번호 20230501-000123", "주문번호 4532015112830366", "평점 9.5 / 10", "버전 1.2.3.4 출시", "version 10.0.19041.1",
        "예산 12조3456억원", "1588 버스", "관리번호 27140-00069", "좌표 35.85992537,128.6928379", "면적 187515㎡", "조회수 1018600398회",
        "사건번호 2018가합51234", "택배 운송장 123456789012", "전화 2시간 했다", "1,000,000명 돌파", "제3조 제2항", "2018년 12월 31일",
        "10점 만점에 10점", "3시 30분 시작", "2020-10-01", "회차 1234-5678", "ver 2.0.1.3", "06:30~22:00",
    ];

    /// <summary>
    /// Real people named in the carrier texts that the seed selects (actors, directors, historical figures), labelled by
    /// hand wherever they occur, with or without context. Carriers are not exhaustively annotated beyond this list.
    /// </summary>
    private static readonly string[] s_carrierNames =
    [
        "이문식", "김여진", "이상인", "이병헌", "김청기", "김창환", "조민기", "한창기", "이봉창", "기대승", "이황", "김병종", "심형래", "매란방",
    ];

    public static List<EvalDocument> Build() => [.. BuildUnlabelledCarriers().Select(LabelCarrierNames)];

    private static EvalDocument LabelCarrierNames(EvalDocument d)
    {
        var spans = d.Spans.ToList();
        foreach (var name in s_carrierNames)
        {
            for (var at = d.Text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = d.Text.IndexOf(name, at + name.Length, StringComparison.Ordinal))
            {
                var before = at == 0 ? ' ' : d.Text[at - 1];
                if (before is < '\uAC00' or > '\uD7A3' && !spans.Any(s => s.Start < at + name.Length && at < s.End))
                {
                    spans.Add(new GoldSpan(at, at + name.Length, PiiTypes.Person));
                }
            }
        }

        return d with { Spans = [.. spans.OrderBy(s => s.Start)] };
    }

    private static List<EvalDocument> BuildUnlabelledCarriers()
    {
        var rng = new Random(Seed);
        var values = new ValueFactory(rng);
        List<(string Source, string Text)> carriers =
        [
            .. Carriers.NsmcReviews().Select(t => ("nsmc", t)),
            .. Carriers.NewsComments().Select(t => ("news_comment", t)),
            .. Carriers.KobestParagraphs().Select(t => ("kobest", t)),
            .. Carriers.ClickTexts().Select(t => ("click", t)),
        ];

        var docs = new List<EvalDocument>();
        var n = 0;
        foreach (var type in PiiTypes.All)
        {
            var templates = s_templates[type];
            var count = type is PiiTypes.Person or PiiTypes.Address or PiiTypes.Phone ? 90 : 70;
            for (var i = 0; i < count; i++)
            {
                var (source, carrier) = carriers[rng.Next(carriers.Count)];
                var (inserted, spans) = Fill(templates[i % templates.Length], values);
                docs.Add(Compose($"eval-{++n:0000}", source, carrier, inserted, spans, rng));
            }
        }

        foreach (var negative in s_hardNegatives)
        {
            for (var k = 0; k < 4; k++)
            {
                var (source, carrier) = carriers[rng.Next(carriers.Count)];
                docs.Add(Compose($"eval-{++n:0000}", source + "+negative", carrier, negative, [], rng));
            }
        }

        docs.AddRange(CsvRows(ref n, TestPaths.Data("providers", "csv", "전국도시공원정보표준데이터.csv"), "park_csv", roadColumn: 3, lotColumn: 4, phoneColumn: 15, rng));
        docs.AddRange(CsvRows(ref n, TestPaths.Data("providers", "csv", "전국관광지정보표준데이터.csv"), "tourist_csv", roadColumn: 2, lotColumn: 3, phoneColumn: 17, rng));
        return docs;
    }

    /// <summary>Places the inserted phrase before, after or inside the carrier (at a space), shifting the spans.</summary>
    private static EvalDocument Compose(string id, string source, string carrier, string inserted, List<GoldSpan> spans, Random rng)
    {
        int at;
        switch (rng.Next(3))
        {
            case 0:
                at = 0;
                inserted += " ";
                break;
            case 1:
                at = carrier.Length;
                inserted = " " + inserted;
                break;
            default:
                var space = carrier.IndexOf(' ', carrier.Length / 2);
                at = space < 0 ? carrier.Length : space;
                inserted = " " + inserted + (space < 0 ? "" : " ");
                break;
        }

        var shift = at + (inserted[0] == ' ' ? 1 : 0);
        var text = carrier[..at] + inserted + carrier[at..];
        return new EvalDocument(id, source, text, [.. spans.Select(s => s with { Start = s.Start + shift, End = s.End + shift })]);
    }

    private static (string Text, List<GoldSpan> Spans) Fill(string template, ValueFactory v)
    {
        var sb = new StringBuilder();
        var spans = new List<GoldSpan>();
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0)
            {
                sb.Append(template, i, template.Length - i);
                break;
            }

            sb.Append(template, i, open - i);
            var close = template.IndexOf('}', open);
            var key = template[(open + 1)..close];
            var (value, type) = key switch
            {
                "KR_RRN" => (v.Rrn(), PiiTypes.ResidentRegistrationNumber),
                "RRN_BARE" => (v.Rrn(hyphen: false), PiiTypes.ResidentRegistrationNumber),
                "RRN_NEW" => (v.Rrn(issuedAfter2020: true), PiiTypes.ResidentRegistrationNumber),
                "KR_ARN" => (v.Arn(), PiiTypes.AlienRegistrationNumber),
                "KR_CRN" => (v.Crn(), PiiTypes.CorporateRegistrationNumber),
                "KR_BRN" => (v.Brn(), PiiTypes.BusinessRegistrationNumber),
                "BRN_BARE" => (v.Brn(hyphen: false), PiiTypes.BusinessRegistrationNumber),
                "KR_PASSPORT" => (v.Passport(), PiiTypes.Passport),
                "KR_DRIVER_LICENSE" => (v.DriverLicense(), PiiTypes.DriverLicense),
                "PHONE" => (v.Phone(), PiiTypes.Phone),
                "EMAIL" => (v.Email(), PiiTypes.Email),
                "CREDIT_CARD" => (v.Card(), PiiTypes.CreditCard),
                "BANK_ACCOUNT" => (v.Account(), PiiTypes.BankAccount),
                "IP_ADDRESS" => (v.Ip(), PiiTypes.IpAddress),
                "KR_VEHICLE_PLATE" => (v.Plate(), PiiTypes.VehiclePlate),
                "KR_ADDRESS" => (v.Address(), PiiTypes.Address),
                "PERSON" or "PERSON_LABEL" => (v.Name(), PiiTypes.Person),
                "PERSON_TITLE" => (v.Name(), PiiTypes.Person),
                "PERSON_EN" => (v.EnglishName(), PiiTypes.Person),
                "BANK" => (v.Bank(), null),
                _ => throw new InvalidOperationException("unknown placeholder " + key),
            };
            if (type is not null)
            {
                spans.Add(new GoldSpan(sb.Length, sb.Length + value.Length, type));
            }

            sb.Append(value);
            if (key == "PERSON_TITLE")
            {
                sb.Append(" 교수");
            }

            i = close + 1;
        }

        return (sb.ToString(), spans);
    }

    /// <summary>Real rows of a data.go.kr CSV (EUC-KR) joined with ", ", with the address and phone columns labelled.</summary>
    private static IEnumerable<EvalDocument> CsvRows(ref int n, string path, string source, int roadColumn, int lotColumn, int phoneColumn, Random rng)
    {
        var rows = Carriers.ReadCsv(path, Carriers.EucKr());
        var result = new List<EvalDocument>();
        var picked = 0;
        var stride = Math.Max(1, rows.Count / 70);
        for (var r = 1 + rng.Next(stride); r < rows.Count && picked < 60; r += stride)
        {
            var row = rows[r];
            if (row.Count <= phoneColumn)
            {
                continue;
            }

            var sb = new StringBuilder();
            var spans = new List<GoldSpan>();
            for (var c = 0; c < row.Count; c++)
            {
                if (c > 0)
                {
                    sb.Append(", ");
                }

                var cell = row[c].Trim();
                string? type = c == roadColumn || c == lotColumn ? PiiTypes.Address : c == phoneColumn ? PiiTypes.Phone : null;
                if (type is not null && cell.Length > 0)
                {
                    spans.Add(new GoldSpan(sb.Length, sb.Length + cell.Length, type));
                }

                sb.Append(cell);
            }

            result.Add(new EvalDocument($"eval-{++n:0000}", source, sb.ToString(), spans));
            picked++;
        }

        return result;
    }

    public static string ToJsonl(IEnumerable<EvalDocument> docs)
    {
        var sb = new StringBuilder();
        var options = new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        foreach (var d in docs)
        {
            sb.Append(JsonSerializer.Serialize(new
            {
                id = d.Id,
                source = d.Source,
                text = d.Text,
                spans = d.Spans.Select(s => new { start = s.Start, end = s.End, type = s.Type, value = d.Text[s.Start..s.End] }),
            }, options));
            sb.Append('\n');
        }

        return sb.ToString();
    }
}
