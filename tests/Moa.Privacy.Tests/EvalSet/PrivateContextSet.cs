using System.Globalization;
using System.Text;
using System.Text.Json;
using Moa.Privacy.Names;
using Moa.Privacy.Tests.RealCarriers;

namespace Moa.Privacy.Tests.EvalSet;

/// <summary>A person mention of the private-context set: its span, whether it is in a private context, and why.</summary>
internal sealed record PersonLabel(int Start, int End, bool Private, string Reason);

/// <summary>
/// One item of the private-context person set. <paramref name="Part"/> is <c>real</c> (a real text whose persons were
/// judged by hand) or <c>constructed</c> (a person and a private context written by us around a real sentence or into a
/// real form layout); <paramref name="Template"/> names the template of a constructed item (empty for real items).
/// </summary>
internal sealed record PrivateItem(string Id, int Batch, string Part, string Source, string Licence, string Template, string Text, IReadOnlyList<PersonLabel> Persons)
{
    /// <summary>
    /// The key of the tuning/test split, fixed before any tuning: the item id for real items, the template id for
    /// constructed ones, so that a template is wholly in one half and a rule added for a tuning template cannot leak into
    /// the test half.
    /// </summary>
    public string SplitKey => Part == "constructed" ? "template:" + Template : Id;

    /// <summary>
    /// The batch written blind and held out whole (every item is test data): none of it was looked at, judged by the
    /// rules or scored while the rules were changed. Batches 1–117 are the tuning data.
    /// </summary>
    public const int HeldOutBatch = 118;

    /// <summary>The batch held out whole before batch 118 was wired (scored once; now part of the tuning data).</summary>
    public const int PreviousHeldOutBatch = 117;

    /// <summary>Batch 11 (held out whole before batch 12 was written, scored once).</summary>
    public const int Batch11 = 11;

    /// <summary>Batch 10 (held out whole before batch 11 was written, scored once).</summary>
    public const int Batch10 = 10;

    /// <summary>Batch 9 (held out whole before batch 10 was written, scored once).</summary>
    public const int Batch9 = 9;

    /// <summary>Batch 8 (held out whole before batch 9 was written, scored once).</summary>
    public const int Batch8 = 8;

    /// <summary>Batch 7 (held out whole before batch 8 was written, scored once).</summary>
    public const int Batch7 = 7;

    /// <summary>Batch 6 (held out whole before batch 7 was written, scored once).</summary>
    public const int Batch6 = 6;

    /// <summary>Batch 5 (held out whole before batch 6 was written, scored once).</summary>
    public const int Batch5 = 5;

    /// <summary>Batch 4 (held out whole before batch 5 was written, scored once).</summary>
    public const int Batch4 = 4;

    /// <summary>The batch whose held-out half was the test half before batch 4 was written.</summary>
    public const int PreviousTestBatch = 3;

    /// <summary>
    /// The half of its batch held out when the batch was written: an odd xxHash64 of <see cref="SplitKey"/>
    /// (<see cref="PersonEvaluation.Fold"/>, as the other person sets use). Each of batches 1–3's held-out halves was
    /// measured once and only then used for tuning, before the next batch was written.
    /// </summary>
    public bool HeldOut => PersonEvaluation.Fold(SplitKey, 2) == 1;

    /// <summary>The test data that counts now: the whole of the held-out batch.</summary>
    public bool IsTest => Batch == HeldOutBatch;

    /// <summary>The test half before batch 4 (batch 3's held-out half, measured once; now part of the tuning data).</summary>
    public bool IsPreviousTest => Batch == PreviousTestBatch && HeldOut;
}

/// <summary>
/// Builds the private-context person set of issue 11 (item 2 and 4). Real part: KLUE-NER sentences (news and movie
/// reviews; the person spans are KLUE's annotation) and the persons of three provider documents read with Moa's own
/// readers (an MSIT press release in HWP, an MCST press release in HWPX, a paper in PDF), each person judged private or
/// public by hand in <c>person-private-labels.tsv</c>. Constructed part: templates written for this set (forms, contact and
/// signature lines, role words, chat self-introductions), each wrapping a real sentence (chat question, NSMC review, NTS
/// ruling summary, news comment) or filling a real form layout of the Gangbuk RFP, with a generated name. The template
/// wording was written from how such documents read, not from the recognisers' context-word lists. Batch 4, written
/// blind and held out whole, adds planted institutional documents (<c>person-private-docs4.txt</c>), more KLUE sentences
/// and new templates. Batch 5, written blind in the same way while the rules were changed on batches 1–4 and held out
/// whole, adds more planted documents of other kinds and layouts (<c>person-private-docs5.txt</c>), the next KLUE
/// sentences and new templates with other names. Batch 6, written blind while the rules were changed on batches 1–5 and
/// held out whole, adds planted documents of still other kinds and layouts (<c>person-private-docs6.txt</c>) and the next
/// KLUE sentences. Batch 7, written blind while the rules were changed on batches 1–6 and held out whole, adds planted
/// documents of yet other kinds and layouts (<c>person-private-docs7.txt</c>) and the next KLUE sentences. Batch 8,
/// written blind while the rules were changed on batches 1–7 and held out whole, adds planted documents of further kinds
/// and layouts (<c>person-private-docs8.txt</c>) and the next KLUE sentences. Batch 9, written blind while the rules were
/// changed on batches 1–8 and held out whole, adds planted documents of still further kinds and layouts
/// (<c>person-private-docs9.txt</c>) and the next KLUE sentences. Batch 10, written blind while the rules were changed on
/// batches 1–9 and held out whole, adds planted documents of yet further kinds and layouts (<c>person-private-docs10.txt</c>)
/// and the next KLUE sentences. Batch 11, written blind while the rules were changed on batches 1–10 and held out whole,
/// adds planted documents of still other kinds and layouts (<c>person-private-docs11.txt</c>) and the next KLUE sentences.
/// Batch 12, written blind while the rules were changed on batches 1–11 and held out whole, adds planted documents only
/// (<c>person-private-docs12.txt</c>: other kinds again, with the names of foreign residents in Latin letters as
/// institutions record them), no KLUE sentences. Batch 13, written blind while the rules and the tagger's training were
/// changed on batches 1–12 and held out whole, adds planted documents only (<c>person-private-docs13.txt</c>). Batch 14,
/// written blind while the record-layout judge and the lone Latin given names were added on batches 1–13, adds planted
/// documents only (<c>person-private-docs14.txt</c>). Batch 15, written blind while the given-name repeats of record
/// layouts were added on batches 1–14, adds planted documents only (<c>person-private-docs15.txt</c>). Batch 16, written
/// blind while handles before names in brackets and conversation speakers were added on batches 1–15, adds planted
/// documents only (<c>person-private-docs16.txt</c>). Batch 17, written blind while messenger exports, called names and
/// rarer lone surnames were added on batches 1–16 (harder on purpose: case notes in running prose, chats by handles and
/// given names, rare and compound surnames, foreign residents' names), adds planted documents only
/// (<c>person-private-docs17.txt</c>). Batch 18, written blind while conversations of handles, names beside identifiers,
/// one-syllable given names before 씨, rarer surnames and Latin names before kinship words were added on batches 1–17,
/// adds planted documents only (<c>person-private-docs18.txt</c>). Batch 19, written blind for a later round at the end of
/// that round and wired at the end of the next (pipe tables, handles with digits, English mail, attendance lines, old
/// given names before kinship words, review writers, nicknames after their labels, foreign residents' names, renderings
/// that sound like their Latin names; tuned on batches 1–18), adds planted documents only (<c>person-private-docs19.txt</c>).
/// Batch 20, written blind at the end of that round for a later one and wired at the end of the next (names repeated from
/// a name found in the same text before words that say who a person is, conversations with times and numbers, handle
/// columns, small communities in the judge; tuned on batches 1–19), adds planted documents only
/// (<c>person-private-docs20.txt</c>). Batch 21, written blind at the start of that round and wired at its end, after
/// the work that batch 20's misses showed (workspace messenger headers, signatures after a dash, handles after DM; tuned on
/// batches 1–20), adds planted documents only (<c>person-private-docs21.txt</c>). Batch 22, written blind for a later
/// round at the end of that round and wired at the end of the next (logs as records for the judge, renderings after any
/// name in Latin letters, Vietnamese names written as one word, person columns of tables, and the tagger trained on the
/// planted documents of batches 4–21; tuned on batches 1–21), adds planted documents only
/// (<c>person-private-docs22.txt</c>). Batch 23, written blind at the start of that round and wired at its end, after
/// batch 22 was scored, with no change made in between, adds planted documents only (<c>person-private-docs23.txt</c>).
/// Batch 24, written blind at the end of that round for a later one and wired at the end of the next (English in replies,
/// chats and class groups, names in Latin letters in rosters and with diacritics, speakers by relation, the tagger trained
/// with the planted documents of batches 4–22; tuned on batches 1–23), adds planted documents only
/// (<c>person-private-docs24.txt</c>). Batch 25, written blind at the start of that round and wired at its end, after
/// batch 24 was scored (and the rules then tuned on batch 24 too), adds planted documents only
/// (<c>person-private-docs25.txt</c>). Batch 26, written blind at the end of that round for a later one and wired at the
/// start of the next, scored once with that round's final tree before anything was changed, adds planted documents only
/// (<c>person-private-docs26.txt</c>). Batch 27, written blind at the start of that round and wired at its end (names
/// romanised with a hyphen, full Latin names as speakers and their given names alone, other names in brackets; tuned on
/// batches 1–26), adds planted documents only (<c>person-private-docs27.txt</c>). Batch 28, written blind at the end of
/// that round and wired after the same session had tuned on batch 27 (Telegram and dash-header speakers, names in Chinese
/// characters, glued Vietnamese names ending in 란, Latin names of several words in brackets; tuned on batches 1–27), adds
/// planted documents only (<c>person-private-docs28.txt</c>). Batch 29, written blind at the end of that round for the next
/// one and wired at the end of the next (capitals that stand for persons, bracketed column notes, names in capitals,
/// handles before a real name, one-syllable foreign names, fewer labels taken for names; tuned on batches 1–28), adds
/// planted documents only (<c>person-private-docs29.txt</c>). Batch 30, written blind at the start of that round for the
/// next one and wired at the end of the next (surnames glued to an office, consonant initials, names in Cyrillic letters,
/// given names inside English sentences, plain handles of workspace headers; tuned on batches 1–29), adds planted
/// documents only (<c>person-private-docs30.txt</c>). Batch 31, written blind at the start of that round for a later one
/// (teachers' and nurses' notes, workspace exports, English-only and Cyrillic messages) and wired at the end of the next
/// (known foreign people, groups and characters, unlisted family names after a foreign given name; tuned on batches 1–30),
/// adds planted documents only (<c>person-private-docs31.txt</c>). Batch 32, written blind at the end of that round for the
/// next one (family-court, insurance, police-box, control-room and ward records, chats of riders, agents and parents) and
/// wired at the end of the next (residents' languages, export display names, comment writers and handles after their
/// labels; tuned on batches 1–31), adds planted documents only (<c>person-private-docs32.txt</c>). Batch 33, written blind
/// at the start of that session for a later round (welfare, court, police, medical and school records, residents' chats,
/// farm and market books, press briefs) and wired at its end (parents as a private relation, chat blocks inside longer
/// documents, names a sentence says someone is called by; tuned on batches 1–32), adds planted documents only
/// (<c>person-private-docs33.txt</c>). Batch 34, written blind at the end of that session for a later round (card
/// disputes, a bank counter, speech therapy, a juvenile reformatory, prison visits, daycare, ships, cranes, a temple, a
/// swim team, a game guild, residents' chats, an indictment, news stories) and wired at the end of the next (speakers in
/// brackets with a title, ranks and places that are no names, words of technical writing, Chinese titles; tuned on
/// batches 1–33), adds planted documents only (<c>person-private-docs34.txt</c>). Batch 35, written blind at the start
/// of that session for a later round (a notary's will notes, a bus union's strike vote, a driving test log, a hospice
/// diary, residents' chats in Khmer, Japanese, Uzbek and English, court and news texts) and wired in the same session
/// after a rule pass tuned on batch 34 (game chat logs), adds planted documents only (<c>person-private-docs35.txt</c>).
/// Batch 36, written blind in that session for a later round (security dispatch, scrapyard and post-office ledgers, a
/// tabletop game's Discord, residents' LINE, WhatsApp, Telegram, WeChat and Zalo chats, petitions, letters, news) and
/// wired at its end after a pass tuned on batch 35 (Discord and LINE exports, Chinese family chat headers), adds planted
/// documents only (<c>person-private-docs36.txt</c>). Batch 37, written blind in that session for a later round
/// (a dash-cam request, a bus trip plan, an interrogation record, a Thai worker's Messenger chat, a Kazakh student's
/// texts, disciplinary minutes, a casino self-exclusion request, a Minecraft Discord log, news) and wired at its end
/// after a pass tuned on batch 36 (Chinese names with their Mandarin reading), adds planted documents only
/// (<c>person-private-docs37.txt</c>). Batch 38, written blind at the start of the next session by two writers (an
/// outbreak investigation, dismissal and adoption petitions, a medication-error report, residents' WhatsApp, LINE and
/// SMS chats, a Discord study log, ledgers, minutes, English e-mail, news) and wired in that session after a pass tuned
/// on batch 37 (names in Thai and Cyrillic letters with their reading, speakers with roles in brackets, lists in table
/// cells), adds planted documents only (<c>person-private-docs38.txt</c>). Batch 39, written blind in that session by
/// two writers for a later round (a fire service's evacuation checklist, a detention centre's visiting register, a
/// baduk app's chat, a Zainichi family's LINE group, a Slack channel, a Red Cross interview, English e-mail, news) and
/// wired at its end after a pass tuned on batch 38 (handles joining Latin letters and Hangul, the familiar 이, names
/// people are called by), adds planted documents only (<c>person-private-docs39.txt</c>). Batch 40, written blind in
/// that session by two writers for a later round (a customs investigation, a coast guard rescue report, a Myanmar
/// workers' Telegram group, a migrant clinic's register, a Teams channel, a bank fraud team's call, English e-mail, news)
/// and wired at its end after a pass tuned on batch 39 (handles of a parent or sibling by a child's or pet's name, board
/// tags), adds planted documents only (<c>person-private-docs40.txt</c>). Batch 41, written blind in that session by
/// two writers for a later round (a train's fare-evasion log, a harbour pass application, a game clan's siege chat, a
/// homestay LINE group, a vet hospital's Slack, a cemetery's arrears ledger, English e-mail, news) and wired at its end
/// after a pass tuned on batch 40 (names in Myanmar, Khmer, Arabic and Devanagari letters with their reading, press
/// surnames apart from 모), adds planted documents only (<c>person-private-docs41.txt</c>). Batch 42, written blind in that session by
/// two writers for a later round (a fisheries co-op's fuel ledger, a court application for service by public notice, a trail-running crew's KakaoTalk export, a restaurant staff's WhatsApp group, a kart-racing crew's Discord, a university office's Slack, English e-mail, news) and wired at its end
/// after a pass tuned on batch 41 (game chat channels, kin handles in an export's slot, Hangul mentions, Japanese names with their reading, baptismal names), adds planted documents only (<c>person-private-docs42.txt</c>). Batch 43, written blind in that session by
/// two writers for a later round (a hypermarket security report, a paragliding waiver, a migrant workers' cricket club on WhatsApp, a TOPIK study group's Discord, a coffee roastery's Slack, a beekeeping club's Telegram, English e-mail, news) and wired at its end
/// after a pass tuned on batch 42 (a chat's speakers private wherever named, Mandarin readings longer than the name, Japanese and Chinese display names, Korean phones' WhatsApp exports), adds planted documents only (<c>person-private-docs43.txt</c>). Batch 44, written blind in that session by
/// two writers for a later round (a study room's violation register, a consumer co-op's KakaoTalk, an astrophotography club's Discord, a publisher's Slack, a hospital team's Teams channel, a Japanese wives' LINE group, a used-car buyer's Telegram, English e-mail, news) and wired at its end
/// after a pass tuned on batch 43 (relations with a name in brackets, in-laws, self-introductions, English closings on one line, names before a bracketed time), adds planted documents only (<c>person-private-docs44.txt</c>). Batch 45, written blind in that session by
/// two writers for a later round (a gugak class register, an inline-skating crew's KakaoTalk, a homebrewing club's Discord, a liquor shop's KakaoWork channel, a Thai migrants' LINE group, a web-novel group's Discord, English e-mail, news) and wired at its end
/// after a pass tuned on batch 44 (Chinese names in Hangul with their characters, Japanese chats copied with the time, titles after a sender's label), adds planted documents only (<c>person-private-docs45.txt</c>). Batch 46, written blind in that session by
/// two writers for a later round (a tyre shop's register, a motel's guest ledger, a food-truck market's KakaoTalk, a sourcing team's Teams channel, a Filipino community's Messenger chat, a card shop's Discord, a flower-delivery startup's Slack, English e-mail, news) and wired at its end
/// after a pass tuned on batch 45 (boards with a bar after each writer, handles keeping a relation's syllables, self-introductions after a unit's number), adds planted documents only (<c>person-private-docs46.txt</c>). Batch 47, written blind in that session by
/// two writers for a later round (a school library's request sheet, an ice-cream shop's handover notebook, a speedrun community's Discord, a side-dish sharing KakaoTalk, a logistics night shift's LINE WORKS chat, a repairman's texts, English e-mail, news) and wired at its end
/// after a pass tuned on batch 46 (message directions no speakers, ledger words), adds planted documents only (<c>person-private-docs47.txt</c>). Batch 48, written blind in that session by
/// two writers for a later round (a bulky-appliance pick-up register, a taekkyeon school's Band, a mill owner's SMS inbox, a vintage shop's Slack, a district office's Teams channel, an a cappella club's Discord, English e-mail, news) and wired at its end
/// after a pass tuned on batch 47 (Telegram lines with the talk, 안타깝게 no sport word), adds planted documents only (<c>person-private-docs48.txt</c>). Batch 49, written blind in that session by
/// two writers for a later round (a cleaning crew's roster, foundry workers' IMO chat, a ballet class chat, an infusion room's handover, a taxi union's minutes, a rhythm-game Discord, a travel agency's Slack, English e-mail, news) and wired at its end
/// after a pass tuned on batch 48 (handles of five or six syllables speaking twice, long form labels), adds planted documents only (<c>person-private-docs49.txt</c>). Batch 50, written blind in that session by
/// two writers for a later round (a hanbok rental shop's booking book, Nepali farm workers' Viber chat, a rowing club's open chat, a LINE chat of massage-shop staff, a game studio's Slack, a Telegram group of marriage migrants, a band's Discord, a startup's JANDI room, English e-mail, news) and wired at its end
/// after a pass tuned on batch 49 (Latin names with diacritics, readings in brackets, confident names of other shapes repeated in records), adds planted documents only (<c>person-private-docs50.txt</c>). Batch 51, written blind in that session by
/// two writers for a later round (a dental clinic's recall texts, Sri Lankan welders' WhatsApp chat, an alumni committee's KakaoTalk chat, a Telegram chat of Kazakh students, a Facebook Messenger group of Filipino workers, a tutoring app's chat, a lab's Teams channel, English e-mail, news) and wired at its end
/// after a pass tuned on batch 50 (workspace copies with the talk after the time, board replies with a time, 스타트 no 스타), adds planted documents only (<c>person-private-docs51.txt</c>). Batch 52, written blind in that session by
/// two writers for a later round (a hair salon's memos, Indonesian fishing crew's WhatsApp chat, a kindergarten mothers' KakaoTalk chat, a WeChat group of graduate students, a Zalo group of factory workers, a cram school's class chat, an institute's Teams chat, a cycling club's chat, English e-mail, news) and wired at its end
/// after a pass tuned on batch 51 (WhatsApp's Korean dates, decorated and initialled names before the colon, a name then a trade in the slot), adds planted documents only (<c>person-private-docs52.txt</c>). Batch 53, written blind in that session by
/// two writers for a later round (a nail salon's booking messages, Uzbek workers' Telegram group, a hiking club's Band, a host family's KakaoTalk with a student's mother, an esports team's Discord, a LINE group of Japanese wives, a translation agency's Slack, a football club's KakaoTalk, English e-mail, news) and wired at its end
/// after a pass tuned on batch 52 (WeChat with the day before the time, organisation accounts no speakers), adds planted documents only (<c>person-private-docs53.txt</c>). Batch 54, written blind in that session by
/// two writers for a later round (an optician's register, Cambodian farm workers' Messenger group, a band club's open chat, a WhatsApp group of restaurant workers, a webtoon studio's Slack, a Mongolian students' KakaoTalk group, an art academy's chat, a think tank's Teams channel, a running crew's DM, English e-mail, news) and wired at its end
/// after a pass tuned on batch 53 (24-hour chats, Japanese honorifics, band comments without a colon), adds planted documents only (<c>person-private-docs54.txt</c>). Batch 55, written blind at that session's end by
/// two writers for a later round (a photo studio's booking book, Thai farm workers' LINE group, a welfare centre's phone check log, parents' KakaoTalk, a flower shop, a Viber group of Filipino seafarers' wives, an indie game team's Discord, a WhatsApp group of Indian engineers, a climbing gym's open chat, a law firm's Slack, English e-mail, news) and wired at the next session's start
/// after a pass tuned on batch 54 (handles before a middle dot, slot names in two scripts or in Cyrillic), adds planted documents only (<c>person-private-docs55.txt</c>). Batch 56, written blind in that session by
/// two writers (a pet grooming salon, Vietnamese wives' Zalo group, a home-visit nurse log, a class KakaoTalk chat, a funeral home's register, a Daum cafe post with comments, a Telegram group of Koryo-saram workers, a youth orchestra's Band comments, an Instagram DM exchange, a streamer team's Discord, a Messenger group of African students, a cycling club's open chat, an accounting firm's Teams channel, English e-mail, news) and wired in it
/// after a pass tuned on batch 55 (boards' dated comments and bylines, Discord with a bar, LINE's decorated names, initials and double-barrelled names in an export's slot, 양 after a child's given name), adds planted documents only (<c>person-private-docs56.txt</c>). Batch 57, written blind in that session by
/// two writers (a hair salon's customer cards, Nepali workers' Messenger group, a homeroom teacher's counselling notes, a wedding hall's gift-money ledger, a Naver blog with comments, a swimming school's coaches' chat, a Zalo group on a tangerine farm, a theatre troupe's rehearsal chat, a second-hand market chat, an esports club's Discord, a Telegram group of Uzbek students, a hiking club's Band comments, a game company's Slack, a cancer patients' cafe, English e-mail, news) and wired in it
/// after a pass tuned on batch 56 (replies with a date, labelled writers, a wife's handle, a table's timed rows no talk, Korean given names romanised in English), adds planted documents only (<c>person-private-docs57.txt</c>). Batch 58, written blind at that session's end by
/// two writers for a later round (a nail salon, Sri Lankan workers' WhatsApp group, a mental-health centre's call log, after-school teachers' Band, a market association's KakaoTalk, a school-violence news story, English hospital e-mail, a motel's log, parish minutes, a veterinary record, a mothers' cafe post, a badminton club, a LINE group of Japanese wives, a moving company, a band's Discord, a strawberry farm, a ticket resale chat, a bootcamp's Slack, a police lost-child log, Chinese students' open chat, a ballet academy, nursing handover, a ferry incident, an orthopaedic consent, a fishing club's Band, a bank's messenger) and wired at the next session's start
/// after a pass tuned on batch 57 (bylines before a bracket tag, bare comment writers, Discord's one-space talk, a market chat's nicknames; and a pass tuned on the misses of batches 55-57: Latin given names after a chat's opener), adds planted documents only (<c>person-private-docs58.txt</c>). Batch 59, written blind in that session by
/// two writers (a dental clinic's recall list, Cambodian farm workers' Messenger group, emergency-welfare screening notes, class parents' KakaoTalk, residents' representative minutes, a delivery rider's accident in the news, English university e-mail, a guesthouse, a templestay register, a pharmacy log, a running crew's cafe post, a taekwondo academy, Mongolian students' Telegram group, a remodelling site log, a church choir's chat, a convenience store's shifts, a used-car chat, a startup's Teams channel, a family court mediation, a long-lived village in the news, Thai massage therapists' KakaoTalk, a piano recital, a nursing home's visit log, a cabin crew report, a Korean medicine chart, a photography club's Band, a credit union's messenger, a family vlog's comments, a lease and tenant messages, a lab's Slack, a wedding planner's chat, a fire station's dispatch log, expat parents' WhatsApp, Korean-Chinese caregivers' WeChat group, a labour attorney's record) and wired in it
/// after a pass tuned on batch 58 (a KakaoTalk export's slot holding any display name, a direct message's direction, two-word speakers after a time, English job roles after a possessive; titles of address with 님 no public life), adds planted documents only (<c>person-private-docs59.txt</c>). Batch 60, written blind in that session by
/// two writers (an eye clinic's waiting list, Indonesian trawler crew's WhatsApp group, a youth counselling centre's case notes, a kindergarten's notes app, a village head's minutes, a fraud ring in the news, English relocation e-mail, a camping site, a church's prayer list, an animal shelter, a parents' association cafe post, a futsal club's Band, Filipino teachers' Viber group, a courier's missed-delivery log, a hagwon's score report, a rice-cake shop's order book, a furniture deal chat, a manufacturer's Slack, a victim-support interview, a bookshop feature, Vietnamese students' KakaoTalk, a children's choir, a hospice family meeting, a bus company's log, a plastic surgery chart, a book club's Band, an insurance claim record, a cooking live-stream chat, a coworking contract, a trial team's Teams channel, a funeral mutual-aid contract, a coast guard log, a game studio's English Slack, Kazakh and Kyrgyz workers' Telegram group, a small-claims complaint) and wired in it
/// after a pass tuned on batch 59 (Chinese talk after a colon, comments with how long ago, KakaoTalk slots in Thai or initials, apps' names no speakers, a child's place after a possessive), adds planted documents only (<c>person-private-docs60.txt</c>). Batch 61, written blind in that session by
/// two writers (a dermatology clinic's booking sheet, Bangladeshi workers' IMO group, a dementia care centre's notes, a class notice app, a redevelopment association's minutes, a neighbour dispute in the news, an English e-mail with a wedding photographer, a hostel's ledger, a Won Buddhist youth group, an optician's record, a mothers' community post, a table-tennis club's Band, Kyrgyz and Tajik students' Messenger group, a plumbing service's orders, a drama club's Discord, a bakery's custom cake orders, a stroller deal chat, a logistics company's Slack, a juvenile probation log, a twin firefighters feature, Vietnamese mothers' Zalo group, a violin academy, physiotherapy notes, a taxi company's log, a fertility clinic's record, a gardening club's Band, a voice-phishing consultation, a streamer's donation log, a study cafe's ledger, TB contact-tracing notes, a shared house's chat, a mountain rescue log, a biotech firm's English Teams chat, Filipino wives' KakaoTalk, a deposit mediation record) and wired in it
/// after a pass tuned on batch 60 (a live stream's seconds, a bracketed handle before a bare time, replies with a date in brackets or a month and a day), adds planted documents only (<c>person-private-docs61.txt</c>). Batch 62, written blind at that session's end by
/// two writers for a later round (an ENT clinic's allergy shots, Myanmar farm workers' Viber group, suicide-prevention follow-up notes, daycare one-on-one chats, a fishing cooperative's minutes, a hit-and-run in the news, an English language-school e-mail, a rural B&B ledger, a parish youth choir, a hearing-aid centre, a twin parents' cafe post, a badminton academy, Nigerian and Ghanaian students' WhatsApp group, a pest-control log, a dance cover team's Discord, a butcher's gift-set orders, a camera deal chat, a fintech Slack, a child protection record, a free tutoring room feature, Taiwanese working-holiday makers' LINE group, a swimming team, psychiatric nursing notes, a car rental dispute, a prenatal record, a cycling club's Band, a card fraud call record, a Twitch chat, a co-living contract, residents' Teams channel, a wedding hall contract, an ambulance log, a webtoon translators' English Slack, Uzbek wives' KakaoTalk, a small-claims mediation) and wired at the next session's start
/// after a pass tuned on batch 61 (a streaming site's log with an emoji and donations, a role before a name after a time, kana and Latin in an export's slot, kana speakers before a colon), adds planted documents only (<c>person-private-docs62.txt</c>). Batch 63, written blind in that session by
/// two writers (a dermatology clinic's laser bookings, Cambodian factory workers' Messenger group, runaway-teen case notes, a kindergarten bus group chat, a redevelopment association's delegates' minutes, a house fire in the news, an English hospital e-mail with a patient's spouse, a glamping site, a temple's lantern register, an optician, a single parents' cafe post, a taekwondo gym, Indian and Pakistani engineers' WhatsApp group, a moving company, a board-game cafe's Discord, a rice-cake shop, a used-car chat, a game studio's Jira and Slack, an elder-abuse case record, a village barber feature, Joseonjok caregivers' WeChat group, a figure-skating club, physiotherapy notes, a rider's accident report, an IVF record, a hiking club's Band, a claim adjuster's record, a SOOP streamer's chat, a share-house lease, nurses' shift-swap chat, a funeral home contract, a 119 dispatch log, an indie game's English Discord, Kazakh and Kyrgyz students' Telegram group, a wedding photo dispute) and wired in it
/// after a pass tuned on batch 62 (posts in brackets before the colon, Discord's dated colon, a phone export's Cyrillic slot, decorated comment writers, a parent's handle naming the child), adds planted documents only (<c>person-private-docs63.txt</c>). Batch 64, written blind in that session by
/// two writers (an orthodontic clinic's check-up list, Vietnamese fishing crew's Zalo group, a hoarding case conference, after-school care messages, a water-supply committee's minutes, a scam on elderly farmers in the news, an English exchange-office e-mail, a motel's night log, a church cell group's prayer list, a speech therapy centre, a dog bite victim's mother's post, a youth baseball team, Sri Lankan and Nepali workers' Messenger group, a remodelling diary, an indie band's Discord, a flower shop's orders, a laptop deal chat, a logistics startup's Slack, a school violence committee record, a noodle shop feature, Japanese exchange students' open chat, a rhythmic gymnastics academy, oncology handover notes, a taxi complaint log, a biopsy consent, a photo club's cafe posts, a savings bank's loan record, a cooking live-stream replay, a sublet agreement, a paediatric nurses' Teams channel, a first-birthday venue contract, a coast guard log, a beauty brand's English Slack, Filipino seafarers' wives' WhatsApp group, a deposit dispute record) and wired in it
/// after a pass tuned on batch 63 (word-like given names with the familiar 이, a stream's alerts, a band's reply runs, an app's tag before the slot, Telegram's talk after the time, masters' nicknames), adds planted documents only (<c>person-private-docs64.txt</c>). Batch 65, written blind in that session by
/// two writers (a Korean medicine clinic's acupuncture book, Indonesian welders' WhatsApp group, gambling-addiction counselling notes, a middle school class's parents' KakaoTalk, a farmers' cooperative's board minutes, a construction-site fall in the news, an English e-mail about a broken boiler, a hanok guesthouse, a cathedral's wedding class, a dental lab, autistic children's parents' post, a children's soccer club, Koryoin workers' Telegram group, an aircon installer, an esports club's Discord, a side-dish shop, a ticket transfer chat, a web agency's Slack, a domestic violence shelter's record, a grandmother poet feature, Mongolian nurses' aides' KakaoTalk, a piano recital, NICU nursing notes, a school bus incident, a plastic surgery consultation, a book club's Band, a debt collection call record, a Chzzk streamer's chat, a coworking contract, residents' KakaoTalk about a transfer, a columbarium contract, a mountain rescue log, an EV-battery maker's English Teams chat, Thai massage therapists' LINE group, an unpaid wages mediation) and wired in it
/// after a pass tuned on batch 64 (a foreman's surname, Tagalog's article of names, a Korean name before a Japanese honorific, a workspace's slot before an English time, a stream replay's viewers), adds planted documents only (<c>person-private-docs65.txt</c>). Batch 66, written blind in that session by
/// two writers (a paediatric clinic's vaccination texts, Thai farm workers' LINE group, isolated-elderly visit notes, a kindergarten sports day chat, an apartment residents' council's minutes, a hotel pool drowning in the news, an English wedding planner e-mail, a caravan rental, a Won Buddhist memorial register, an audiology clinic, a postnatal care dispute post, a girls' volleyball club, Filipino teachers' Viber group, a septic-tank service, a cosplay team's Discord, a kimchi maker's orders, a used piano chat, a telecom on-call Slack, a probation officer's log, a retiring bus driver feature, Chinese graduate students' WeChat group, a violin concert, hospice family meeting notes, a car-sharing dispute, a LASIK consent, a fishing club's Band, a life insurance claim review, a Twitch watch party, a room-share contract, surgery residents' Teams chat, a funeral mutual-aid contract, a highway patrol log, a mobile game's English Slack, Bangladeshi workers' WhatsApp group, a noise dispute mediation) and wired in it
/// after a pass tuned on batch 65 (a stream's roles and spaced alerts, a booking app's writers, 사모님, Morning, Russian kin, hyphenated romanised given names), adds planted documents only (<c>person-private-docs66.txt</c>). Batch 67, written blind at that session's end by
/// two writers for a later round (a physiotherapy booking sheet, Nepali poultry workers' Viber group, play therapy notes, a class trip on Band, market merchants' minutes, a bicycle-path collision in the news, an English hagwon recruiting e-mail, a ski condo ledger, a parish funeral ministry, a compounding pharmacy, a babysitter cafe post, a kids' swimming club, Vietnamese brides' Messenger group, a locksmith, a webtoon club's Discord, a bakery's cake orders, a used bicycle chat, a delivery startup's Slack, a missing-person follow-up, a blind piano tuner feature, Chinese restaurant workers' WeChat group, a ballet recital, dialysis nursing notes, a courier's accident report, a hair transplant consent, a marathon club's Band, an auto insurance claim, a Twitch cooking stream, a one-room lease, anaesthesia residents' KakaoTalk, a memorial park contract, an ambulance dispatch log, a drama subtitle team's English Slack, Vietnamese students' Zalo group, a used-car mediation) and wired at the next session's start
/// after a pass tuned on batch 66 (dated Chinese speakers before a full-width colon, handles of up to ten syllables after a time, gift alerts to a named viewer, moderators), adds planted documents only (<c>person-private-docs67.txt</c>). Batch 68, written blind in that session by
/// two writers (an orthodontic progress chart, Cambodian farmhands' Messenger group, a school counsellor's log, a kindergarten sports day chat, a noise complaint mediation, a capsized fishing boat in the news, an English shipyard e-mail, a Jeonju guesthouse on Airbnb, a temple's memorial register, an optician, a single father's cafe post, a youth baseball team, Thai massage workers' LINE group, a moving company, a board game cafe's Discord, a wedding bouquet order book, a camera deal chat, a fintech Slack, a school violence hearing, a blacksmith feature, Myanmar factory workers' Viber group, a taekwondo promotion test, oncology handover notes, a tow truck's call log, a laser treatment consent, a hiking club's cafe, a card fraud call record, a baseball watch-along live chat, a jeonse contract, law firm associates' KakaoTalk, a funeral hall contract, a coast guard rescue log, a game studio's English Teams chat, Indian engineers' WhatsApp group, an unpaid wage petition) and wired in it
/// after a pass tuned on batch 67 (a colon after a speaker's time, times in parentheses, date lines between a chat's lines, decorated Chinese speakers, join and invite notices, band comments after a date, Indic and South-East Asian scripts, a desk before a name), adds planted documents only (<c>person-private-docs68.txt</c>). Batch 69, written blind in that session by
/// two writers (a Korean medicine clinic's decoction log, Sri Lankan fishing crew's WhatsApp group, an elderly man's case management notes, a field trip on Band, villa owners' minutes, a restaurant gas explosion in the news, an English lab e-mail with a visiting researcher's family, a camping site on Naver booking, a church cell group's prayer list, a veterinary record, a dog bite cafe post, a children's futsal club, Indonesian welders' Telegram group, an interior remodelling log, a K-pop fan translators' Discord, a rice-cake shop's orders, a stroller deal chat, a startup's Slack about a leaked spreadsheet, a custody mediation, a ferry captain feature, Joseonjok construction workers' WeChat group, a children's choir, emergency room triage notes, a designated driver's call log, a fertility consent, a cycling club's Band, a voice phishing report, a SOOP game stream, a studio rent contract, a tax office's KakaoTalk, a cremation reservation, a police patrol log, modders' English Discord, Mongolian students' Facebook chat, a deposit dispute mediation) and wired in it
/// after a pass tuned on batch 68 (the exporter's own lines, scripts of their own without a time, paid messages and member alerts, family names first with a comma, South Asian kin words and Burmese honorifics), adds planted documents only (<c>person-private-docs69.txt</c>). Batch 70, written blind in that session by
/// two writers (a dental implant schedule, Bangladeshi garment workers' IMO group, a youth shelter's counselling log, a school festival open chat, a church finance committee's minutes, an escalator accident in the news, an English host family e-mail, a Gapyeong pension ledger, a Won Buddhist youth register, a hearing aid fitting record, a grandmother's cafe post, a girls' basketball club, Uzbek cooks' Telegram group, an aircon repair log, a tabletop RPG Discord, a butcher's gift set orders, a used piano chat, a logistics Slack about an accident, an administrative appeal hearing, a retiring postman feature, Taiwanese students' LINE group, an art academy's exhibition, maternity nursing notes, a lost parcel report, a cataract consent, a running crew's Instagram DMs, a pet insurance claim, a Chzzk music stream, a share house lease, radiology technicians' KakaoTalk, a columbarium contract, a mountain rescue log, a fintech compliance team's English Slack, Kazakh students' WhatsApp group, a wedding dress rental mediation) and wired in it
/// after a pass tuned on batch 69 (stream alerts in corner brackets, decorated workspace handles, 小 or 老 and a surname, Sinhala kin words, more titles that are no names), adds planted documents only (<c>person-private-docs70.txt</c>). Batch 71, written blind in that session by
/// two writers (a paediatric dental sedation log, Pakistani auto parts workers' WhatsApp group, dementia day care notes, a lice outbreak on Band, reconstruction delegates' minutes, a school bus collision in the news, an English adoption agency e-mail, a Gyeongju hanok stay, a Sunday school register, a narcotics dispensing log, a caregiver's cafe post, a youth ice hockey team, Filipino caregivers' Messenger group, a pest control job sheet, webnovel writers' Discord, a banchan subscription book, a car seat deal chat, an edtech Slack about a deletion request, an unfair dismissal hearing, a sign language interpreter feature, Hong Kong students' WhatsApp group, a children's theatre roster, occupational therapy notes, a bicycle rider's injury report, a rhinoplasty consent, a photography club's Band, an identity theft report, a Twitch just-chatting stream, a goshiwon contract, public health nurses' KakaoTalk, a tree burial contract, a subway lost-and-found log, a cosmetics exporter's English Teams chat, Koryoin families' Telegram group, a hospital fall mediation) and wired in it
/// after a pass tuned on batch 70 (Cyrillic and other scripts in WhatsApp's export, mixed-script Discord handles, one list of romanised forms of address after a name, script kin words after a romanised name), adds planted documents only (<c>person-private-docs71.txt</c>). Batch 72, written blind in that session by
/// two writers (a chuna therapy booking sheet, Vietnamese seafood workers' Zalo group, a marriage migrant's case notes, a farm field trip on Band, officetel residents' minutes, a hiking accident in the news, an English wedding planner e-mail, a Yangpyeong glamping ledger, a temple stay register, a sports injury record, a dad's cafe post, a youth volleyball club, Thai farm workers' LINE group, a waterproofing job log, a language exchange Discord, a fruit shop's gift boxes, a bicycle trailer deal chat, a healthcare Slack about a misdirected result, a juvenile protection hearing, a school janitor feature, Chinese students' WeChat group, a piano recital, psychiatric night nursing notes, a moving truck accident report, a LASEK consent, a book club's cafe, a lost card report, a YouTube cooking live chat, a jeonse deposit dispute, orthopaedic residents' KakaoTalk, a funeral mutual aid contract, a highway patrol log, a game publisher's English Slack, Nepali students' Viber group, a cancelled tour mediation) and wired in it
/// after a pass tuned on batch 71 (handles before two spaces and a time, WhatsApp's slot as any messenger's, WhatsApp adding people in Korean, alerts that say late what was given), adds planted documents only (<c>person-private-docs72.txt</c>). Batch 73, written blind at that session's end by
/// two writers for a later round (a health check-up booking sheet, Kyrgyz farm workers' Telegram group, a school social worker's case notes, a science fair club's parents' Band, an irrigation cooperative's minutes, a tour bus crash in the news, an English landlord and tenant e-mail, a ski rental ledger, a retreat house register, an acne treatment record, a newlywed's cafe post, a children's swimming academy, Nepali restaurant workers' Viber group, a boiler repair log, a photo editing Discord, a tteok shop's order book, a baby crib deal chat, a travel startup's Slack about a passport photo leak, a traffic accident mediation hearing, a night-shift convenience store feature, Chinese nurses' aides' WeChat group, a children's cooking class, hospice nursing notes, a scooter sharing accident report, a wisdom tooth extraction consent, a badminton club's Band, an account takeover report, a Chzzk game stream chat, a villa rent contract, a veterinary staff KakaoTalk, a funeral flower order, an ambulance dispatch log, a battery maker's English Slack, Filipino seafarers' Messenger group, a refrigerator delivery mediation) and wired at the next session's start
/// after a pass tuned on batch 72 (dated replies with a time, a channel tag before a Discord header, paid messages with the amount before the handle, YouTube's new-member notice), adds planted documents only (<c>person-private-docs73.txt</c>). Batch 74, written blind in that session by
/// two writers (a vaccination register, Uzbek construction workers' Telegram group, a child protection home visit, a field day's parents' Band, a parking dispute's minutes, a fishing boat fire in the news, an English host family e-mail, a camping gear rental ledger, a lantern offering register, a cataract surgery record, a job seeker's cafe post, a taekwondo academy, Indonesian factory workers' WhatsApp group, an air conditioner installer's log, a board game cafe's Discord, a custom cake order book with Instagram DMs, an electric bike deal chat, a fintech startup's Slack about an ID card leak, a malpractice mediation hearing, an old barbershop closing in the news, Mongolian students' Messenger group, a children's art class, ICU nursing notes, a delivery rider's accident report, a rhinoplasty consent, a futsal club's Band, a voice phishing report, a SOOP stream chat, a one-room jeonse contract, a nursing home's staff KakaoTalk about a fall, a wedding photo studio, a police substation's night log, a shipbuilder's English Teams channel, Cambodian farm workers' LINE group, a wedding hall cancellation mediation) and wired in it
/// after a pass tuned on batch 73 (romanised Korean speakers, a stream's alerts and roles in square brackets, decorated Chinese display names, native given names of a full name, days, shops and notes that stand where a speaker does), adds planted documents only (<c>person-private-docs74.txt</c>). Batch 75, written blind in that session by
/// two writers (a blood test call list, Vietnamese shipyard welders' Zalo group, a marriage migrant's counselling notes, a kindergarten's parents' open chat, a redevelopment association's general meeting, a school bus accident in the news, an English e-mail with an investor's assistant, a Jeonju guesthouse ledger, a small group's prayer requests, a sinus surgery record, a first-time landlord's cafe post, a youth baseball team's Band, Sri Lankan fishermen's WhatsApp group, a locksmith's log, a cover dance team's Discord, a bouquet order book, a stroller deal chat, a game company's Slack about a leaked support ticket, an unfair dismissal hearing, a fish seller's retirement in the news, Thai massage therapists' LINE group, a children's coding class, dementia day care notes, a taxi accident report, a delivery record and birth plan, a cycling club's cafe, a claim fraud interview, a Twitch stream chat, a commercial lease dispute, a hospital pharmacy's staff KakaoTalk, a first-birthday photo shoot, a coast guard patrol log, a cosmetics brand's English Slack, Uzbek students' Telegram group, a used car mediation) and wired in it
/// after a pass tuned on batch 74 (market handles, a time in a speaker's bracket, WhatsApp's dotted times, direct messages' tags, unlisted Latin names after kin, shops' phones, fields and offices that stand where a name does), adds planted documents only (<c>person-private-docs75.txt</c>). Batch 76, written blind in that session by
/// two writers (a physical therapy schedule, Filipino factory workers' Messenger group, a runaway teenager's counselling notes, an after-school care class's Band, a village youth association's minutes, an elevator accident in the news, an English e-mail with a visiting researcher, a Yangyang surfboard rental ledger, a baptism class register, an endoscopy record, a mother's cafe post about a daycare teacher, a children's ballet academy, Bangladeshi workers' IMO group, a plumber's log, a civil service exam study Discord, a butcher shop's gift set orders, a washing machine deal chat, a logistics Slack about a leaked address list, a school violence committee hearing, a rural bus driver's last shift in the news, Japanese wives' LINE group, a children's soccer academy, stroke rehabilitation nursing notes, a Jeju car rental accident chat, an IVF consent, a hiking club's Band, a lost card and fraud call record, a fishing channel's YouTube live chat, a shared house's KakaoTalk group, a community health center's staff chat, a funeral home's arrangement record, a fire investigation report, a webtoon platform's English Slack, Kazakh seasonal workers' WhatsApp group, an overseas tour mediation) and wired in it
/// after a pass tuned on batch 75 (Thai names after พี่ and น้อง, a record's field labels, a booking app's name in the guest's bracket, everyday words the tagger took for names), adds planted documents only (<c>person-private-docs76.txt</c>). Batch 77, written blind in that session by
/// two writers (a pediatric dental appointment book, Cambodian construction workers' Telegram group, a homeless patient's discharge notes, a school trip's class parents' Band, a fishing village cooperative's general meeting, a ferry engine failure in the news, an English e-mail with a wedding photographer, a Jeju bike rental ledger, a youth retreat register, a kidney stone treatment record, a pet grooming accident's cafe post, a children's swimming team, Pakistani workers' WhatsApp group, an elevator repair log, a retro game collectors' Discord, a rice cake shop's memorial orders, a used piano deal chat, a hospital IT Slack about a misdirected e-mail, a neighbour noise mediation, a village shoemaker in the news, Vietnamese students' Zalo group, a children's robotics class, a nursing home resident's birthday notes, a motorcycle courier's accident chat, a laser treatment consent, a running crew's Band, a SIM swap fraud call record, a cooking stream's CHZZK chat, a studio sublease, a vaccination team's KakaoTalk, a photo booth's lost items, a mountain rescue log, an EV charger maker's English Slack, Mongolian truck drivers' Messenger group, a smartphone repair mediation) and wired in it
/// after a pass tuned on batch 76 (Discord's day and 24-hour time, a paid message's amount and the staff's role and name in a bracket after a live stream's time, Korean names in katakana before 先生, priests' posts), adds planted documents only (<c>person-private-docs77.txt</c>). Batch 78, written blind in that session by
/// two writers (a prenatal checkup schedule, Nepali farm workers' Viber group, juvenile probation notes, a kindergarten Christmas play's Band, a church finance committee's minutes, a factory fire in the news, an English e-mail with a Russian patient's daughter, a glamping ledger, an iftar volunteer register, a nerve block record, a holiday travel conflict's cafe post, a children's judo club, Thai farm workers' LINE group, a window cleaning log, a debate club's Discord, a winter kimchi order book, a camping tent deal chat, a delivery app's Slack about a leaked rider list, a deposit dispute mediation, an island doctor's retirement in the news, Chinatown restaurant workers' WeChat group, a children's piano academy, palliative home care notes, a school bus accident and the parents' chat, a LASIK consent, a book club's cafe, a brokerage complaint call record, a SOOP game stream chat, a goshiwon register, teachers' KakaoTalk about a field trip, a pet funeral record, a subway station's log, a game studio's English Teams channel, Uzbek market vendors' Telegram group, an air purifier rental mediation) and wired in it
/// after a pass tuned on batch 77 (a stream's role after the speaker's name, alerts with the amount first or a muted chat, an app's direct messages, Discord's two-syllable handles, 교무, a sublease's parties and fields), adds planted documents only (<c>person-private-docs78.txt</c>). Batch 79, written blind in that session by
/// two writers (a rehabilitation outpatient schedule, Indonesian fishermen's WhatsApp group, a self-harm risk counselling note, a daycare sports day's Band, an apartment women's association's minutes, a mountain bus rollover in the news, an English e-mail with a visa agent, a ski condo ledger, a 49th-day memorial register, a Holter monitor record, a postpartum care center's cafe post, a youth basketball club, Myanmar factory workers' Viber group, an appliance repair log, a photography community's Discord, a catering order book, a used bicycle deal chat, an HR startup's Slack about a leaked salary sheet, a hospital fall mediation, a night market couple in the news, Chinese students' WeChat group, a taekwondo demonstration team, post-operative handover notes, an e-scooter accident chat, a dental implant consent, a fishing club's Band, a car accident claim call record, a study-with-me live chat, a room share's KakaoTalk group, a welfare center's food delivery chat, a bridal dress rental, a maritime police rescue log, a semiconductor team's English Slack, Filipino caregivers' Messenger group, a gym membership mediation) and wired in it
/// after a pass tuned on batch 78 (a board's comments dated without brackets, handles joined by an underscore, a workspace's family name first, masked organisations, words after labels in records), adds planted documents only (<c>person-private-docs79.txt</c>). Batch 80, written blind at that session's end by
/// two writers (an allergy immunotherapy schedule, Thai fruit farm workers' LINE group, a mental health center's case notes, a school orchestra's Band, a market merchants' fire meeting, a construction collapse in the news, an English e-mail with a Brazilian client, a fishing charter ledger, an Orthodox parish's volunteer register, a sleep clinic record, a lost-cat cafe post, a climbing gym's open chat, Vietnamese fish farm workers' Zalo group, a pest control log, a webtoon fans' Discord, a fruit shop's gift orders, a used gaming PC deal chat, a real estate platform's Slack about a leaked landlord list, a harassment investigation record, a village postman in the news, Chinese caregivers' WeChat group, a swimming lessons roster, ER triage notes, a bike courier accident chat, an orthodontic consent, a hiking club's cafe, a bank account freeze call record, a CHZZK stream chat, a shared office's KakaoTalk group, a welfare team's heating aid chat, a hanbok rental book, a 119 animal rescue log, a robotics startup's Munich Slack, Kyrgyz construction workers' WhatsApp group, a furniture delivery mediation) and wired at the next session's start
/// after a pass tuned on batch 79 (댓글 after a band's writer, a board's 질문자, a trainer's slot, 공장장, 판독의, 약정서 and common words), adds planted documents only (<c>person-private-docs80.txt</c>). Batch 81, written blind in that session by
/// two writers (a dermatology laser booking book, Cambodian farm workers' Messenger group, a school counselor's bullying record, a gateball team's Band, an apartment's noise complaint log, a fishing boat capsizing in the news, an English e-mail with a buyer in Dubai, a driving school's road test chat, a temple's lantern register, a hearing aid center's record, a babysitter question on a parenting board, an e-sports academy's open chat, Mongolian students' Telegram group, a moving company's job sheet, a board game cafe's Discord, a rice cake shop's order book, a used stroller deal chat, a logistics company's Teams channel about a misdirected customer list, an IRB review of a participant complaint, a grandmother learning to read in the news, Japanese wives' LINE group, a piano recital program, a dialysis center's log, a taxi accident and dispatch radio log, a LASIK consent, a cycling club's cafe, a card fraud call record, a cooking streamer's SOOP chat, a co-living house's KakaoTalk group, kimchi delivery volunteers' chat, a wedding photo studio's bookings, a coast guard's search log, a game studio's Singapore Slack, Uzbek factory workers' Telegram group, a small claims mediation over a design fee) and wired in it
/// after a pass tuned on batch 80 (a server's dated brackets, rules and bar roles, a team after a speaker, Chinese chats with an ASCII colon, the exporter's own lines, roles alone, a priest's title in a slot, a foreign family name before 모, 씨한테, a performer's song, officers' ranks), adds planted documents only (<c>person-private-docs81.txt</c>). Batch 82, written blind in that session by
/// two writers (a physical therapy booking sheet, Nepali dairy farm workers' Viber group, a hospice family meeting note, a middle school baseball team's Band, a villa owners' roof repair minutes, a guesthouse carbon monoxide poisoning in the news, an English e-mail with a visiting scholar from Kenya, a camping site ledger, a first communion class register, a speech therapy record, a dog bite post, a coding camp's open chat, Indonesian shipyard workers' WhatsApp group, an air conditioner installer's log, a K-pop translation team's Discord, a butcher shop's holiday orders, a used wedding dress deal chat, a delivery startup's Slack about riders' data sent to the wrong partner, a school violence committee record, a bathhouse closing in the news, Vietnamese brides' Zalo group, a ballet cast list, a maternity ward handover, a crane accident chat, a rhinoplasty consent, a marathon club's cafe, an insurance claim denial call record, a fishing streamer's YouTube chat, an officetel lease and chat, village heads' typhoon evacuation chat, a funeral hall's condolence book, a Jirisan rescue log, a biotech lab's Boston Slack, Koryo-saram workers' Telegram group, a cancelled tour package mediation) and wired in it
/// after a pass tuned on batch 81 (a streaming site's nickname and id, a channel's customers in brackets beside a business, 배우 the verb and 경기 the province), adds planted documents only (<c>person-private-docs82.txt</c>). Batch 83, written blind in that session by
/// two writers (a pediatric vaccination schedule, Sri Lankan fishing crew's WhatsApp group, a child protection case note, a church choir's Band, a market parking dispute minutes, a school bus accident in the news, an English e-mail with a guest director from Mexico, a glamping ledger, a Won Buddhist memorial register, a CPAP rental record, a found wallet post, a youth soccer academy's open chat, Thai massage therapists' LINE group, a plumber's job log, indie game developers' Discord, a flower shop's Parents' Day orders, a used camera deal chat, a travel agency's Slack about a shared passport folder, an unfair dismissal hearing record, an island fisherman couple in the news, Joseonjok restaurant workers' WeChat group, a children's art exhibition list, a psychiatric admission record, a delivery truck accident chat, an IVF consent, a badminton club's cafe, a telecom billing dispute call record, a Twitch variety stream chat, a jeonse lease and broker chat, visiting nurses' KakaoTalk group, a photo studio's family portrait bookings, a police box's lost child log, a fintech company's London Slack, Kazakh students' Telegram group, a used car sale mediation) and wired in it
/// after a pass tuned on batch 82 (a market's name and time in one bracket, a Latin name with an English one in brackets, a name in Chinese characters after a label), adds planted documents only (<c>person-private-docs83.txt</c>). Batch 84, written blind in that session by
/// two writers (a Korean medicine clinic's acupuncture bookings, Filipino factory workers' Messenger group, a juvenile probation officer's notes, a kindergarten farm trip's Band, a village council's solar panel minutes, an apartment fire rescue in the news, an English e-mail with a Norwegian engineer's family, a guesthouse ledger, a church youth retreat register, an allergy test report, a parcel theft post, a taekwondo belt test's open chat, Chinese students' WeChat group, an elevator repair log, webnovel writers' Discord, a side dish subscription book, a used piano deal chat, a hospital IT team's Slack about records e-mailed to the wrong address, a plagiarism disciplinary record, a bus driver's last route in the news, Thai pig farm workers' LINE group, a swimming club's entry list, ICU handover notes, an equipment rental accident chat, a wisdom tooth consent, a fishing club's cafe, a delivery app complaint call record, a CHZZK game stream chat, a studio sublease and chat, lunch box volunteers' chat, a tailor's order book, an elevator rescue log, a battery plant's Michigan Slack, Vietnamese furniture workers' Zalo group, a gym closure mediation) and wired in it
/// after a pass tuned on batch 83 (a parish's forms of address, English titles without a dot, Chinese chats with an ASCII colon and a space), adds planted documents only (<c>person-private-docs84.txt</c>). Batch 85, written blind in that session by
/// two writers (an occupational therapy schedule, Bangladeshi factory workers' IMO group, a shelter's intake notes, a reading club's Band, a CCTV meeting of residents' representatives, a landslide in the news, an English e-mail with an Australian patient's daughter, a surfing school ledger, a cathedral's wedding course register, an orthopedic exam record, a missing father post on a mom cafe, a basketball camp's open chat, Pakistani students' WhatsApp group, a locksmith's job log, an indie band fan club's Discord, a bakery's Christmas cake orders, a used golf club deal chat, a library's Teams channel about an uploaded member list, a harassment grievance record, a haenyeo in the news, Mongolian meat plant workers' Messenger group, a violin recital order, an emergency psychiatric note, a forklift accident chat, a tattoo removal consent, a table tennis club's cafe, an unauthorized trading call record, a Korean teacher's YouTube live chat, a shop lease and chat, heat wave shelter volunteers' chat, a pet grooming salon's bookings, a kayaker rescue log, an equipment company's Austin Slack, Nepali students' Viber group, a wedding hall cancellation mediation) and wired in it
/// after a pass tuned on batch 84 (balloon-marked comments, system speakers, a form of address before a colon, 지사장), adds planted documents only (<c>person-private-docs85.txt</c>). Batch 86, written blind at that session's end by
/// two writers (a women's clinic's prenatal checkup schedule, Vietnamese seafood workers' Zalo group, a dementia support center's case notes, a school orchestra's Band, a redevelopment association's minutes, a hit-and-run near a school in the news, an English e-mail with a founder from Nigeria, a homestay ledger, a temple stay register, a hearing test record, a lost dog post, a children's volleyball open chat, Uzbek students' Telegram group, a window cleaning job log, board game designers' Discord, a liquor shop's gift orders, a used e-bike deal chat, a pharmacy chain's Slack about a prescription list posted in public, a teachers' rights committee record, a rural bakery family in the news, Cambodian women's Messenger group, a children's choir program, NICU nursing notes, a scaffolding collapse chat, a cataract surgery consent, a hiking club's cafe, a rental car damage call record, a SOOP singing stream chat, a rooftop room lease and chat, free meal volunteers' chat, a shirt tailor's order book, a child trapped in a car rescue log, a cosmetics company's Paris Slack, Kazakh shipyard workers' Telegram group, a refrigerator mediation) and wired at the next session's start
/// after a pass tuned on batch 85 (timed handles ending with a capital, replies with the time alone, board tags, a dated line's clock followed by AM or PM), adds planted documents only (<c>person-private-docs86.txt</c>). Batch 87, written blind in the next session by
/// two writers (a dental clinic's orthodontic schedule, Indonesian shipyard workers' WhatsApp group, a youth counseling center's case notes, a robotics class parents' Band, an apartment committee's parking minutes, a capsized fishing boat in the news, an English e-mail with a Brazilian exchange student's family, a mountain pension ledger, a baptism class register, a sleep clinic record, a phone left in a taxi post, a youth baseball open chat, Mongolian students' Facebook group, an air conditioner installer's job log, a dance cover team's Discord, a rice cake shop's orders, a used stroller deal chat, a logistics company's Teams channel about a driver list shared by mistake, a research misconduct committee record, a small-town bookshop couple in the news, Filipino caregivers' Viber group, a gugak academy's recital program, hospice nursing notes, a forklift collision chat, a LASIK consent, a camping club's cafe, a moving company damage call record, a cooking stream's YouTube live chat, a parking lot contract and chat, snow-clearing volunteers' chat, a hanbok rental bookings, a coast guard rescue log, a webtoon platform's Los Angeles Slack, Myanmar factory workers' Viber group, a wedding photography mediation) and wired in it
/// after a pass tuned on batch 86 (a bracketed name before an unbracketed clock, Korean surnames in Cyrillic, shortened handles with 님, English roles before a name), adds planted documents only (<c>person-private-docs87.txt</c>). Batch 88, written blind in that session by
/// two writers (a growth hormone clinic's schedule, Nepali farm workers' Viber group, a domestic violence counseling center's case notes, a kindergarten graduation Band, a village's wind farm minutes, a tunnel pile-up in the news, an English e-mail with a patient from Kazakhstan, a Jeju guesthouse ledger, a church funeral register, a gait training record, a stolen bicycle post, a girls' futsal open chat, Vietnamese brides' Zalo group, a pest control job log, a speedrun community's Discord, a butcher's Chuseok gift orders, a used laptop deal chat, a bank branch's messenger about a printed customer list, a student council election complaint record, a ferry father and daughter in the news, Sri Lankan fishing crew's IMO group, a piano competition entry list, dialysis nursing notes, a food factory injury chat, an implant consent, a fishing club's Band, an internet installation call record, a League of Legends Twitch chat, a goshiwon contract and chat, flood relief volunteers' chat, a wedding dress fitting schedule, a 119 call center log, a shipbuilder's Houston Teams channel, Joseonjok caregivers' WeChat group, a washing machine mediation) and wired in it
/// after a pass tuned on batch 87 (Burmese honorifics in Myanmar letters, Tagalog kin titles, cafe replies with dates, board tags), adds planted documents only (<c>person-private-docs88.txt</c>). Batch 89, written blind in that session by
/// two writers (a postpartum care center's bookings, Cambodian farm workers' Telegram group, an elderly abuse agency's case notes, a school baseball team's Band, a market merchants' fire minutes, a restaurant gas explosion in the news, an English e-mail with a director from Kenya, a hanok stay ledger, a Won Buddhist youth register, a hearing aid fitting record, a parked car hit-and-run post, a women's volleyball open chat, Kyrgyz students' WhatsApp group, a boiler repair job log, a Minecraft server's Discord, a florist's wreath orders, a used sewing machine deal chat, a library's Slack about an overdue list, a ward fall dispute committee record, a noodle shop grandmother in the news, Thai massage workers' LINE group, a taekwondo belt test list, psychiatric day hospital notes, a delivery rider accident chat, a breast surgery consent, a marathon club's cafe, an appliance rental call record, a Chzzk variety stream chat, a sharehouse contract and chat, beach cleanup volunteers' chat, a school uniform order book, a mountain rescue log, an EV battery startup's Berlin Slack, Uzbek construction workers' Telegram group, an overseas tour mediation) and wired in it
/// after a pass tuned on batch 88 (the Chinese halves of the day, a market's time in brackets after the name, English stream alerts), adds planted documents only (<c>person-private-docs89.txt</c>). Batch 90, written blind in that session by
/// two writers (a fertility clinic's retrieval schedule, Thai fruit farm workers' LINE group, a school social worker's case notes, a youth orchestra's Band, an officetel council's leak minutes, a ferry engine fire in the news, an English e-mail with a student from Egypt, a campground ledger, a lantern offering register, a speech therapy record, a lost wedding ring post, a gateball club open chat, Uzbek women's Telegram group, a locksmith's job log, a fan translation group's Discord, a kimchi maker's orders, a used drone deal chat, a city hall Teams channel about a forwarded complaint file, a teacher misconduct committee record, a seaweed farm family in the news, Indonesian fishermen's WhatsApp group, a ballet recital program, oncology handover notes, a scaffold fall chat, a knee replacement consent, a cycling club's cafe, a lost parcel call record, a fishing stream's SOOP chat, a cafe lease and chat, food bank volunteers' chat, a glasses shop's orders, a water park lifeguard log, a biotech company's Boston Slack, Vietnamese students' Messenger group, a mattress mediation) and wired in it
/// after a pass tuned on batch 89 (Discord role tags after the name, an app's role between middle dots, message kinds in brackets), adds planted documents only (<c>person-private-docs90.txt</c>). Batch 91, written blind in that session by
/// two writers (a pediatric dental sedation schedule, Sri Lankan factory workers' Viber group, a child welfare center's foster care notes, a debate club's Band, a condominium owners' lawsuit minutes, a port crane collapse in the news, an English e-mail with a postdoc from India, a farm stay ledger, a confirmation class register, an immunotherapy record, a ticket resale scam post, a women's basketball open chat, Kazakh students' Telegram group, a wallpaper installer's job log, an indie game studio's Discord, a bakery's cake orders, a used camping gear deal chat, a hospital Teams channel about a patient list in a screen share, a harassment committee record, a blind piano tuner in the news, Nepali restaurant workers' Viber group, a children's theatre program, stroke ward notes, a chemical leak chat, a cesarean consent, a book club's cafe, a gas inspection call record, a cooking stream's chat, a villa jeonse contract and chat, blood drive volunteers' chat, a hair salon's bookings, an elevator rescue log, a fintech company's Singapore Slack, Mongolian workers' Messenger group, a smartphone repair mediation) and wired in it
/// after a pass tuned on batch 90 (neighbourhood comments, handles repeated in dated logs, Vietnamese vocatives), adds planted documents only (<c>person-private-docs91.txt</c>). Batch 92, written blind at that session's end by
/// two writers (a health checkup clinic's bookings and reminders, Filipino shipyard workers' Messenger group, a defector support center's counseling notes, a swimming class parents' Band, a church elders' land donation minutes, a bus rollover in the news, an English e-mail with a visiting nurse from Uganda, a ski condo ledger, a clan association's rite register and chat, a pediatric rehabilitation record, a dog bite community post, a table tennis open chat, Tajik workers' Telegram group, a moving cleaning job log, a retro console Discord, a tteokbokki catering order book, a used car seat deal chat, an insurance Slack channel about misdirected records, a noise committee record, a tailor shop in the news, Vietnamese nail salon workers' Zalo group, a children's choir entry list, maternity ward notes, a bakery burn injury report, a cataract surgery consent, a photography club's cafe, a water purifier complaint record, a study-with-me live chat, a one-room rent contract and chat, crossing guard volunteers' chat, a bridal makeup shop's bookings, a river rescue log, a game company's Montreal Teams channel, Indonesian students' WhatsApp group, an air conditioner mediation record) and wired at the next session's start
/// after a pass tuned on batch 91 (a stream viewer's fan rank in brackets, gifts and mission alerts, a messenger's CSV sender, Cyrillic names before kin words), adds planted documents only (<c>person-private-docs92.txt</c>). Batch 93, written blind in that session by
/// two writers (a dermatology clinic's laser bookings, Cambodian farm workers' Telegram group, a juvenile probation officer's notes, a kindergarten field trip Band, a reconstruction union's minutes, a fishing boat capsizing in the news, an English e-mail with a welding engineer from the Philippines, a guesthouse ledger, a temple's 49-day memorial register and chat, a dementia day-care record, a hit-and-run community post, a badminton open chat, Kyrgyz workers' Telegram group, an air conditioner installer's job log, a board game cafe's Discord, a rice cake shop's gift orders, a used e-bike deal chat, a bank branch's Teams channel about a misdirected fax, a cyberbullying committee record, a barbershop couple in the news, Thai massage therapists' LINE group, a youth soccer roster and texts, NICU notes, a forklift accident chat, a LASIK consent, a hiking club's cafe, an internet provider's complaint record, a game stream's chat, an officetel jeonse contract and chat, reading volunteers' chat, a pet grooming shop's bookings, a mountain rescue log, a battery plant's Atlanta Slack, Uzbek students' Telegram group, a wedding hall mediation) and wired in it
/// after a pass tuned on batch 92 (Messenger's weekday lines, Indonesian forms of address, a speaker's given name, sure names elsewhere in the text), adds planted documents only (<c>person-private-docs93.txt</c>). Batch 94, written blind in that session by
/// two writers (an orthodontic clinic's bookings and reminders, Myanmar factory workers' Viber group, a women's shelter intake notes, a school orchestra parents' Band, a fishing cooperative's minutes, a warehouse fire in the news, an English e-mail with a student from Kenya, a glamping ledger, a parish baptism register and chat, a home-visit nursing record, a lost child community post, a futsal open chat, Uzbek truck drivers' Telegram group, a plumber's job log, a fan translation team's Discord, a side-dish subscription order book, a used stroller deal chat, a hospital Slack channel about misdirected discharge summaries, an unfair dismissal record, a noodle stall in the news, Filipino caregivers' Messenger group, a taekwondo promotion list and texts, psychiatric ward notes, a shipyard fall chat, a dental implant consent, a running club's cafe, a delivery app's complaint record, a mukbang stream's chat, a share house contract and chat, animal shelter volunteers' chat, a suit shop's fittings, a coast guard log, a cosmetics company's Paris Teams channel, Vietnamese students' Zalo group, a used car mediation) and wired in it
/// after a pass tuned on batch 93 (titled nicknames in a stream's alerts, Uzbek kin words, common words of records), adds planted documents only (<c>person-private-docs94.txt</c>). Batch 95, written blind in that session by
/// two writers (an ophthalmology clinic's dry eye bookings, Nepali farm workers' Viber group, a school counsellor's notes on school refusal, a daycare sports day Band, a church building committee's loan minutes, a river path bicycle collision in the news, an English e-mail with a postdoc from Brazil, a hanok stay ledger, a family's jesa duty chart and chat, a speech therapy record, a barking dog community post, a gateball open chat, Koryoin workers' Telegram group, a pest control job log, a webtoon fan Discord, a kimbap shop's group orders, a used piano deal chat, an admissions office's Slack channel about files shared by a public link, a leaking ceiling mediation record, a father and daughter's island ferry in the news, Joseonjok caregivers' WeChat group, a youth baseball roster and texts, hospice ward notes, a scaffold collapse chat, a spinal surgery consent, a camping club's cafe, a mobile carrier's complaint record, a cooking channel's live chat, a goshiwon contract and chat, neighbourhood patrol volunteers' chat, a photo studio's bookings, a collapsed house rescue log, a fintech company's London Slack, Mongolian students' Messenger group, an overseas tour mediation) and wired in it
/// after a pass tuned on batch 94 (nicknames before a masked id, a clinic's channel, a stream's fan-club tags, common words of records), adds planted documents only (<c>person-private-docs95.txt</c>). Batch 96, written blind in that session by
/// two writers (a fertility clinic's transfer schedule, Sri Lankan fishermen's WhatsApp group, a multicultural family centre's case notes, a robotics class parents' Band, a farmers' cooperative's lease minutes, a carbon monoxide poisoning in the news, an English e-mail with a patient's family from Kazakhstan, a surf school ledger, a lantern offering list and chat, a home hospice record, a stolen bicycle community post, a tennis open chat, Kazakh students' Telegram group, a handyman's job log, a speedrun Discord, a fruit shop's gift orders, a used children's bicycle deal chat, a city hall Teams channel about a resident list attached by mistake, a PE injury committee record, a photo studio couple in the news, Thai farm workers' LINE group, a swimming meet entry list and texts, paediatric ward notes, a conveyor injury chat, a rhinoplasty consent, a fishing club's cafe, a gas company's complaint record, a singing stream's chat, a villa rent contract and chat, soup kitchen volunteers' chat, a wedding dress shop's fittings, a lifeguard log, a shipping company's Singapore Teams channel, Nepali students' Viber group, a robot vacuum mediation) and wired in it
/// after a pass tuned on batch 95 (a WeChat copy's Chinese name after a time in brackets), adds planted documents only (<c>person-private-docs96.txt</c>). Batch 97, written blind at that session's end by
/// two writers (a plastic surgery clinic's bookings and follow-ups, Bangladeshi factory workers' WhatsApp group, suicide prevention counselling notes, a kindergarten graduation Band, village elders' minutes on a bus stop, an elevator accident in the news, an English e-mail with an applicant from Ethiopia, a Jeju guest house ledger, a church newcomer register and small group chat, stroke rehabilitation records, a scratched car community post, a bowling club open chat, Kazakh workers' Telegram group, a locksmith's job log, a tabletop RPG Discord, a chicken shop's party orders, a used treadmill deal chat, a health centre Slack channel about misdirected vaccination records, a tenants' association record on deposit fraud, a rural library couple in the news, Cambodian farm workers' Messenger group, a youth basketball roster and texts, rehabilitation nursing notes, a finger amputation report and line chat, a thyroid surgery consent, a bird-watching club's cafe, an electricity complaint record, an esports watch party chat, a studio rent contract and pest chat, children's library volunteers' chat, a nail shop's bookings, a mountain rescue log, an Austin office Slack channel, Kyrgyz students' WhatsApp group, a laptop mediation record) and wired at the next session's start
/// after a pass tuned on batch 96 (a board's comment copied with 댓글, the writer, the date and the time), adds planted documents only (<c>person-private-docs97.txt</c>). Batch 98, written blind in that session by
/// two writers (a dermatology clinic's laser bookings and patients' messages, Vietnamese married immigrants' Zalo group, a school violence committee record, an after-school class Band, apartment residents' minutes on parking fees, a market fire in the news, an English e-mail with a Mongolian patient's family, a campsite ledger, a templestay list and group chat, dialysis records, a noise complaint community post, a badminton club open chat, Uzbek construction workers' Telegram group, a moving company's job log, a fan subtitle team's Discord, a bakery's cake orders, a used stroller deal chat, a district office Teams channel about a misdirected welfare list, a labour attorney's record on unpaid wages, women divers in the news, Filipino caregivers' Messenger group, a middle school orchestra roster and texts, psychiatric ward notes, a construction fall report and crew chat, a cataract surgery consent, a hiking club's Daum cafe, a water utility complaint record, a cooking stream's live chat, an officetel lease and leak chat, senior centre volunteers' chat, a hair salon's bookings, a coast guard rescue log, a Hungary plant Teams channel, Mongolian students' Facebook group, a wedding hall deposit mediation) and wired in it
/// after a pass tuned on batch 97 (a server's badges and initials, a message log's kind and arrows, a slot's name and job, dated comments, ages in brackets in the news), adds planted documents only (<c>person-private-docs98.txt</c>). Batch 99, written blind in that session by
/// two writers (an orthodontic clinic's schedule and parents' messages, Nepali pig farm workers' Viber group, domestic violence counselling notes, a daycare field trip Band, village water supply minutes, a restaurant gas explosion in the news, an English e-mail with a postdoc applicant from Brazil, a pet hotel ledger, a parish baptism register and youth chat, a hospice family meeting record, a lost wallet community post, a futsal club open chat, Koryoin residents' Telegram group, a piano tuner's job log, a webtoon writers' Discord, a flower shop's wreath orders, a used camera deal chat, a university Slack channel about a grade list posted by mistake, an insurance adjuster's accident record, a village barber couple in the news, Indonesian fishermen's WhatsApp group, a debate club roster and texts, NICU nursing notes, a delivery rider's injury report and riders' chat, a knee replacement consent, a cycling club's cafe, a gas safety complaint record, a mukbang stream chat, a one-room lease renewal chat, a church choir chat, an eyelash shop's bookings, an ambulance dispatch log, a Montreal studio Slack channel, Uzbek students' Telegram group, a cancelled tour package mediation) and wired in it
/// after a pass tuned on batch 98 (a shop's own side of copied messages, comment blocks' writers, handles that end with 형, a stream's badged role), adds planted documents only (<c>person-private-docs99.txt</c>). Batch 100, written blind in that session by
/// two writers (an ophthalmology clinic's LASIK log and patients' messages, Sri Lankan shipyard workers' WhatsApp group, gambling addiction counselling notes, a class parents' KakaoTalk group, a fishing cooperative's minutes on aquaculture licences, an expressway bus crash in the news, an English e-mail with a student from Kenya, a hanok guesthouse ledger, a mosque's Korean class list and Telegram chat, a home-visit nursing record, a witness search for a rider's accident, a table tennis club open chat, Mongolian workers' Messenger group, a plumber's job log, an indie developers' Discord, a rice cake shop's holiday orders, a used bicycle deal chat, a county office Slack channel about a relief fund list on a notice board, a debt counselling intake record, a blind piano tuner in the news, Thai massage therapists' LINE group, a girls' football roster and texts, spinal cord injury ward notes, a forklift accident report and shift chat, a caesarean section consent, a camping club's cafe, a telecom complaint record, a game stream's chat, a villa lease and boiler chat, food bank volunteers' chat, a tattoo studio's bookings and DMs, an elevator rescue log, a Houston office Teams channel, Tajik students' Telegram group, a washing machine mediation) and wired in it
/// after a pass tuned on batch 99 (WhatsApp's dotted times, a stream's BJ and anonymous viewers, a reply's single space after the time, a cafe byline's rank), adds planted documents only (<c>person-private-docs100.txt</c>). Batch 101, written blind in that session by
/// two writers (a hearing aid centre's fittings and customers' messages, Pakistani factory workers' WhatsApp group, youth shelter counselling notes, a school trip Band, reconstruction association minutes, a tunnel pile-up in the news, an English e-mail with a nurse applicant from the Philippines, a ski rental ledger, a Won Buddhist memorial register and chat, dementia day care records, a dog bite community post, a golf club open chat, Russian-speaking seafarers' Telegram group, an air-conditioner installer's job log, a Minecraft server Discord, a side dish subscription book, a used console deal chat, a hospital Teams channel about misfaxed records, a personal rehabilitation filing, a shoe repair stall in the news, Vietnamese students' Zalo group, a swimming class roster and texts, burn unit notes, a welding burn report and team chat, a cochlear implant consent, a fishing club's cafe, a gas meter complaint record, a virtual streamer's chat, a studio flat lease and noise chat, hospice volunteers' chat, a pet grooming shop's bookings, a missing elderly person patrol log, a Boston office Slack channel, Kazakh students' WhatsApp group, an e-bike mediation) and wired in it
/// after a pass tuned on batch 100 (Instagram's handles before a time and a colon, Teams' family-comma-given names after a month and day, names in their own script in brackets), adds planted documents only (<c>person-private-docs101.txt</c>). Batch 102, written blind at that session's end by
/// two writers (a plastic surgery aftercare call log and patients' messages, Myanmar factory workers' Viber group, Wee class counselling notes, a taekwondo promotion notice and Band comments, island village minutes on a ferry schedule, a collapsed retaining wall in the news, an English e-mail with a German exchange student, a glamping site's ledger, a Presbyterian funeral record and cell group chat, speech therapy records, a lost cat community post, a running crew's open chat, Kyrgyz and Uzbek meat plant workers' Telegram group, an interior repair job log, a board game café Discord, a kimchi maker's order book, a used piano deal chat, a health centre Slack channel about a misdirected screening list, a fraud victim's intake record, a free English class for seniors in the news, Nepali students' Messenger group, a school baseball team's roster and texts, stroke unit notes, a conveyor belt injury report and night shift chat, a tonsillectomy consent, a photography club's cafe, a district heating complaint record, a singing contest fan chat, a shop lease and rent dispute chat, youth centre tutors' chat, a nail and lash shop's bookings and DMs, a 112 domestic dispute log, a Singapore office Slack channel, Mongolian students' Telegram group, a wedding photo package mediation) and wired at the next session's start
/// after a pass tuned on batch 101 (a message's tag in brackets, then the writer, the year's date, the time and a colon), adds planted documents only (<c>person-private-docs102.txt</c>). Batch 103, written blind in that session by
/// two writers (a dermatology clinic's laser chart and reservation chat, Cambodian farm workers' Messenger group, a court mediation on neighbour noise, a swimming school notice and Band comments, resident representatives' minutes on a parking barrier, a fishing boat capsizing in the news, an English e-mail with an American patient's family, a pension guesthouse's ledger, a temple's memorial register and believers' chat, adult occupational therapy records, a hit-and-run witness post, a hiking club's open chat, Kazakh and Koryoin workers' WhatsApp group, a moving company's job log, a game guild's Discord, a rice cake shop's order book, a used car deal chat, a library Slack channel about misdirected overdue notices, a wage arrears legal aid intake, elderly women learning Hangul in the news, Vietnamese married immigrants' Zalo group, a school volleyball roster and texts, ICU notes, a scaffold fall report and foremen's chat, a cataract surgery consent, a birdwatching club's cafe, a water billing complaint record, an idol survival show fan chat, a studio flat lease and deposit chat, interpreters' volunteer chat, a hair salon's bookings and DMs, a 119 fall dispatch log, a Tokyo office Teams channel, Uzbek students' Telegram group, an overseas tour mediation) and wired in it
/// after a pass tuned on batch 102 (Discord's channel before the dash, a licensed trade after a name in a slot, names in Cyrillic and Latin letters found both ways, Mongolian kin words' cases, Burmese names and calls, hyphenated Korean given names), adds planted documents only (<c>person-private-docs103.txt</c>). Batch 104, written blind in that session by
/// two writers (an orthodontic chart and patients' messages, Thai workers' LINE group, juvenile probation notes, a ballet recital notice and Band comments, a village cooperative's solar panel meeting, an expressway bus crash in the news, an English e-mail with a French student's host family, a camping car rental ledger, a parish baptism register and Legio Mariae chat, play therapy records, a stolen parcel community post, a badminton club's open chat, Joseonjok caregivers' WeChat group, a plumbing job log, a civil service exam study Discord, a flower shop's wreath order book, a used stroller deal chat, a hospital Teams channel about a misdirected discharge summary, a dating violence shelter intake, a rural bakery couple in the news, Indonesian fishermen's WhatsApp group, a youth football roster and texts, maternity ward notes, a food factory hand injury report and day shift chat, a knee replacement consent, a cycling club's cafe, a mobile carrier double-charge complaint, a trot contest fan chat, an officetel lease and boiler chat, hospice volunteers' chat, a tattoo studio's bookings and DMs, a coast guard kayak rescue log, a Los Angeles office Slack channel, Russian-speaking students' Telegram group, a massage chair mediation) and wired in it
/// after a pass tuned on batch 103 (Japanese names in Chinese characters in brackets after the Latin name, names before -san, Instagram handles before a middle dot, a name in brackets after an English kin word, an interpreter's language in a slot), adds planted documents only (<c>person-private-docs104.txt</c>). Batch 105, written blind in that session by
/// two writers (a fertility clinic's IVF record and patients' messages, Filipino caregivers' Messenger group, a school violence committee record on cyberbullying, a piano recital notice and Band comments, redevelopment tenants' minutes on relocation, a traditional market fire in the news, an English e-mail with an Indian PhD applicant, a farm stay ledger, a church wedding record and youth group chat, disability day centre records, an abandoned dog community post, a futsal team's open chat, Sri Lankan shipyard workers' Viber group, an electrician's job log, a book club Discord, a side dish subscription book, a used laptop deal chat, a city hall messenger about a misdirected benefit notice, an unfair dismissal intake, a retired teacher's village study room in the news, Thai farm workers' LINE group, a youth basketball roster and texts, NICU notes, a recycling plant injury report and shift chat, a spinal surgery consent, a fishing club's cafe, a meter reading complaint record, a baseball fan chat, a jeonse contract and deposit chat, hospital volunteer guides' chat, an eyelash shop's bookings and DMs, a missing child log at an amusement park, a Boston lab Slack channel, Kazakh and Kyrgyz students' WhatsApp group, an air purifier rental mediation) and wired in it
/// after a pass tuned on batch 104 (a WeChat copy's month and day before the time, a message log's direction and arrow before the other side, a stream's VIP and 열혈 tags, English name labels), adds planted documents only (<c>person-private-docs105.txt</c>). Batch 106, written blind in that session by
/// two writers (a Korean medicine clinic's acupuncture chart and patients' messages, Nepali factory workers' Viber group, student counselling notes, a children's choir notice and Band comments, a fishing village's offshore wind farm minutes, a landslide in the news, an English e-mail with a Canadian new hire, a hanok guesthouse ledger, a Won Buddhist wedding record and members' chat, senior home visit records, a noisy neighbour community post, a climbing gym crew's open chat, Uzbek and Tajik construction workers' Telegram group, an air-conditioner cleaning job log, a drama subtitling team's Discord, a custom cake order book, a used bicycle deal chat, a district Slack channel about a misdirected vaccination list, a stalking victim's intake, a young farmer returning home in the news, Cambodian students' Telegram group, a youth ice hockey roster and texts, psychiatric ward notes, a forklift accident report and evening shift chat, a thyroid surgery consent, a camping club's cafe, a missed gas inspection complaint record, an e-sports fan chat, a shared house contract and utility chat, library storytellers' chat, a pet grooming salon's bookings and DMs, a lost wallet 112 log, a Houston office Teams channel, Koryoin families' WhatsApp group, a gym membership mediation) and wired in it
/// after a pass tuned on batch 105 (a byline's writer after the title and a dash, a phone log's direction after the time, a customer naming themselves by the booking, Sinhala kin words' cases), adds planted documents only (<c>person-private-docs106.txt</c>). Batch 107, written blind in that session by
/// two writers (a dental implant chart and patients' messages, Indonesian factory workers' WhatsApp group, family court custody investigation notes, a figure skating notice and Band comments, an elevator replacement board meeting, a chemical leak in the news, an English e-mail with an exchange student's Australian parents, a glamping ledger, a funeral mass record and parish council chat, autism early intervention records, a parking dispute community post, a table tennis club's open chat, Vietnamese and Chinese fishing crews' Zalo group, an appliance repair job log, a language exchange Discord, a makgeolli gift order book, a used washing machine deal chat, a county Teams channel about a misdirected relief payment list, a jeonse fraud legal aid intake, a village bookstore couple in the news, Mongolian workers' Messenger group, a children's swimming team roster and texts, dialysis unit notes, a shipyard welding fire report and night shift chat, a hip replacement consent, a hiking club's Jirisan cafe, an internet outage complaint record, a webtoon author's live drawing fan chat, a kitchen sublease and gas bill chat, volunteer coaches' chat, a nail shop's bookings and channel chats, a 119 choking dispatch log, an Atlanta plant Slack channel, Kazakh and Uzbek students' Telegram group, a car seat mediation) and wired in it
/// after a pass tuned on batch 106 (a Teams header's day of the week and role, Russian case forms of a confident name, a cafe's ranks after the writer), adds planted documents only (<c>person-private-docs107.txt</c>). Batch 108, written blind at that session's end by
/// two writers (a LASIK follow-up chart and patients' messages, Pakistani and Bangladeshi factory workers' WhatsApp group, a homeroom teacher's parent consultation notes, a soccer academy camp notice and Band comments, a market merchants' parking lot meeting, a capsized leisure boat in the news, an English e-mail with a Nigerian developer's relocation agent, a ski condo rental ledger, a templestay register and group chat, a stroke rehabilitation speech therapy record, a returned wallet community post, a cycling crew's open chat, Filipino and Vietnamese farm workers' Messenger group, a locksmith's job log, a tabletop RPG Discord, a tteok shop's order book, a used camera deal chat, a health insurance branch's messenger about a misdirected refund notice, a public defender's intake for a minor, a migrant worker choir in the news, Uzbek students' Telegram group, a girls' softball roster and coach's texts, pediatric ward nursing notes, a bakery factory burn report, a cochlear implant plan and consent, a marathon club's Naver cafe, a bus company's complaint record, a variety show fan live chat, a studio lease and mould chat, refugee support lawyers' KakaoTalk group, a barber shop's bookings, a maritime police collision log, a webtoon platform's Paris Slack channel, Russian and Ukrainian workers' Viber group, a wedding hall deposit mediation) and wired at the next session's start
/// after a pass tuned on batch 107 (a cafe writer's rank before a middle dot, the speaker of a header marked as a reply), adds planted documents only (<c>person-private-docs108.txt</c>). Batch 109, written blind in that session by
/// two writers (a dermatology laser chart and patients' messages, Nepali and Sri Lankan pig farm workers' Viber group, a high school career counselling record, a youth basketball notice and Band comments, an apartment office's water pipe meeting, a helicopter hiker rescue in the news, an English e-mail with a Brazilian postdoc's housing agent, a Jeju guesthouse ledger, a parish marriage preparation register and couples' chat, a dementia day care record, a neighbours' noise dispute post, a running crew's open chat, Thai and Cambodian strawberry farm workers' LINE group, a moving company's job log, a K-pop cover dance Discord, a flower shop's wreath order book, a used bicycle deal chat, a district welfare team's messenger about a misdirected pension letter, a wage arrears legal aid intake, a retired couple's rural library in the news, Mongolian and Kazakh students' Telegram group, a taekwondo roster and the master's texts, NICU nursing notes, a forklift accident report and night shift chat, a knee arthroscopy plan and consent, a fishing club's Naver cafe, a taxi company's lost-item record, a baseball live stream chat, a one-room rent contract and boiler chat, interpreters' KakaoTalk group, a pet grooming salon's bookings, a missing kayaker coast guard log, a game studio's Singapore Teams channel, Joseonjok caregivers' WeChat group, a wedding photo package mediation) and wired in it
/// after a pass tuned on batch 108 (a speaker in the Arabic script, Bengali and Urdu kin words, Ukrainian vocatives and Russian short forms, digit handles, a board's role before the writer, a resident's age with the own spelling), adds planted documents only (<c>person-private-docs109.txt</c>). Batch 110, written blind in that session by
/// two writers (an orthopaedic physical therapy chart and patients' messages, Indonesian and Timorese fishing crew's WhatsApp group, a special education IEP meeting, a swimming academy notice and Band comments, a village council's solar farm meeting, an apartment fire in the news, an English e-mail with an American patient's family, a Gapyeong campsite ledger, a church summer Bible camp register and leaders' chat, a hospice care record, a hit-and-run on a pet dog post, a badminton club's open chat, Uzbek and Kyrgyz construction workers' Telegram group, a plumber's job log, an indie game team's Discord, a Chuseok gift order book, a used laptop deal chat, a pension branch's messenger about a misdirected statement, an unfair dismissal intake, a defector's restaurant in the news, Vietnamese brides' Zalo group, a youth orchestra roster and conductor's texts, an ER triage record and call log, a semiconductor chemical exposure report and shift chat, a cataract surgery plan and consent, a camping community's Naver cafe, a delivery rider complaint record, a League of Legends tournament live chat, a jeonse renewal chat, disability rights activists' KakaoTalk group, a tattoo studio's bookings and DMs, a heat stroke ambulance dispatch log, a biotech's Boston Slack channel, Filipino English teachers' Messenger group, a gym membership refund mediation) and wired in it
/// after a pass tuned on batch 109 (WeChat's one-line headers, names across Latin and Indic letters, a mothers' cafe's ranks, a portal comment's dash, officials' chats, a common-word nickname called with 님), adds planted documents only (<c>person-private-docs110.txt</c>). Batch 111, written blind in that session by
/// two writers (a prenatal check-up chart and patients' messages, Vietnamese and Lao furniture factory workers' Zalo group, a thesis committee meeting, a children's choir notice and Band comments, a redevelopment association's general meeting, a kindergarten bus accident in the news, an English e-mail with a Greek ship owner's crew manager, a ski lesson booking ledger, a Won Buddhist youth retreat register and chat, a home-visit nursing record, a fake prosecutor scam call post, a futsal club's open chat, Sri Lankan and Bangladeshi shipyard workers' WhatsApp group, a remodelling contractor's job log, a university esports Discord, a banchan subscription order book, a used stroller deal chat, a tax office's messenger about a misdirected refund notice, a probation officer's case record, a Sri Lankan monk's temple in the news, Kyrgyz and Tajik meat plant workers' Telegram group, a youth baseball roster and manager's texts, a paediatric dental sedation record and call log, a site fall accident report and foremen's chat, a thyroid surgery plan and consent, a gardening club's Naver cafe, a subway complaint record, a mukbang live chat, an officetel water leak chat, interpreters' KakaoTalk group, a piano academy's bookings, a Bukhansan rescue dispatch log, a cosmetics company's Los Angeles Slack channel, Indian and Nepali restaurant workers' Messenger group, a used car mediation) and wired in it
/// after a pass tuned on batch 110 (an open chat's slashed nicknames, a band comment's date and dash, a captain by the surname, pinned tags and beginners' ranks), adds planted documents only (<c>person-private-docs111.txt</c>). Batch 112, written blind in that session by
/// two writers (a sinus surgery follow-up chart and patients' messages, Cambodian and Myanmar farm workers' Messenger group, a student council meeting, a children's soccer league notice and Band comments, an elder association's bus route meeting, a fishing boat sinking in the news, an English e-mail with a Kenyan distributor, a Jeonju hanok stay ledger, a church cell group's prayer list and chat, an addiction rehabilitation counselling record, a found dog community post, a hiking club's open chat, Chinese and Vietnamese students' WeChat and Zalo chats, an air conditioner installer's job log, a book club's Discord, a custom cake order book, a used piano deal chat, a health centre's messenger about a misdirected vaccination record, a harassment counselling intake, a Mongolian wrestler coaching children in the news, Thai massage therapists' LINE group, an after-school class roster and teacher's texts, a delivery record and the husband's call log, a kitchen fire report and staff chat, a spinal fusion plan and consent, a cat lovers' Naver cafe, an airline's lost baggage complaint record, a cooking show fan live chat, a sublease utility bill chat, union organisers' KakaoTalk group, a driving school's bookings, a domestic dispute patrol log, a fintech's London Slack channel, Nigerian and Ghanaian traders' WhatsApp group, a refrigerator mediation) and wired in it
/// after a pass tuned on batch 111 (a stream's or an exporter's timed slot, a bracketed speaker with the title, a bracketed writer before the year's date, an age at the time before 씨), adds planted documents only (<c>person-private-docs112.txt</c>). Batch 113, written blind at that session's end by
/// two writers (a urology follow-up chart and patients' messages, Uzbek and Koryo-saram workers' Telegram group, a school violence committee's minutes, a kids' ballet recital notice and Band comments, a fishing cooperative's typhoon meeting, a guesthouse carbon monoxide poisoning in the news, an English e-mail with an Indian exchange student's parents, a camping car rental ledger, hospice volunteers' schedule and chat, a play therapy record, a community post on a delivery driver who helped a fainted man, a tennis club's open chat, Filipino and Indonesian caregivers' Messenger group, an electrician's job log, a retro game collectors' Discord, a kimchi order book, a used golf club deal chat, a city hall's messenger about a misdirected parking fine, a deposit legal aid intake, a Nepali Himalayan guide in the news, Sri Lankan workers' Viber group, a taekwondo team roster and coach's texts, psychiatric nursing notes and the family's call log, a conveyor belt injury report and shift chat, a wisdom tooth extraction plan and consent, a motorcycle touring club's Naver cafe, a hospital complaint record about a nurse, a baduk stream chat, a shop lease key money chat, defector mentors' KakaoTalk group, a yoga studio's bookings, a missing child dispatch log, a shipbuilder's Houston Teams channel, Mongolian students' Messenger group, a tour package mediation) and wired at the next session's start
/// after a pass tuned on batch 112 (today's or yesterday's word before a time, a cafe manager's rank), adds planted documents only (<c>person-private-docs113.txt</c>). Batch 114, written blind in that session by
/// two writers (a knee injection chart and patients' messages, Kazakh and Russian warehouse workers' Telegram group, a parents' association meeting, a children's swimming class notice and Band comments, an apartment parking dispute meeting, a factory chemical leak in the news, an English e-mail with a Brazilian voice actor's agent, a Yangyang surfing school ledger, a temple stay register and chat, a dementia day-care record, a community post on a neighbour's noise note, a badminton club's open chat, Thai and Cambodian farm workers' LINE group, a plumber's job log, an indie label's Discord, a rice cake holiday order book, a used camera deal chat, a district office's messenger about a misdirected welfare letter, an unpaid wages intake, an Uzbek doctor at a migrant clinic in the news, Indonesian fishermen's WhatsApp group, a youth volleyball roster and coach's texts, an emergency triage record and the family's call log, a delivery rider's accident report and riders' chat, a cataract surgery plan and consent, a fishing club's Naver cafe, a bank's complaint record about a teller, a chess stream chat, a studio sublet boiler chat, multicultural centre tutors' KakaoTalk group, a boxing gym's records, a capsized kayak dispatch log, a battery plant's Michigan Teams channel, Vietnamese brides' Zalo group, a wedding photo studio mediation) and wired in it
/// after a pass tuned on batch 113 (a speaker in brackets or not before the time and a dash, a speaker written surname first, a stream log's bracketed handle, a name in an Indic script with the Latin one in brackets, migrants' kin words, a Cyrillic name's Hangul rendering), adds planted documents only (<c>person-private-docs114.txt</c>). Batch 115, written blind in that session by
/// two writers (a laser treatment chart and patients' messages, Mongolian and Buryat construction workers' Facebook group, a graduate students' union meeting, a kids' art academy exhibition notice and Band comments, a market merchants' association meeting, a landslide evacuation in the news, an English e-mail with a Russian medical tourism agency, a Gapyeong glamping ledger, a church choir's schedule and chat, a hospice social worker's record, a community post on a bicycle recovered via CCTV, a running crew's open chat, Filipino seafarers' Messenger group, a locksmith's job log, a webtoon fan translation Discord, a wedding bouquet order book, a used bicycle deal chat, a health insurance branch's messenger about a misdirected notice, a juvenile shelter intake, a Ghanaian chef in Itaewon in the news, Pakistani and Afghan recycling workers' WhatsApp group, a middle school baseball roster and manager's texts, ICU nursing notes and the family's call log, a forklift accident report and night shift chat, a gastric bypass plan and consent, a vintage audio Naver cafe, a telecom shop's complaint record, a cooking contest stream chat, a goshiwon deposit chat, refugee NGO lawyers' KakaoTalk group, a pilates studio's bookings, an apartment fire dispatch log, a robotics startup's Berlin Slack channel, Joseonjok caregivers' WeChat group, a mattress mediation) and wired in it
/// after a pass tuned on batch 114 (a lone surname before an office's rank, a foreign name with the age and 씨, a doubles pair joined by a middle dot, 샘 for 쌤, a coach before a name, Indonesian kin with -ku, a nickname and a surname in an export's slot, a weekday's or a day-month time in brackets), adds planted documents only (<c>person-private-docs115.txt</c>). Batch 116, written blind at that session's end by
/// two writers (a migraine chart and patients' messages, Tajik and Kyrgyz poultry farm workers' WhatsApp group, a student union's election committee minutes, a kids' robotics academy notice and Band comments, a hail damage cooperative meeting, a ferry engine fire in the news, an English e-mail with a Mexican student's host family, a Jeju horse riding camp ledger, a Won Buddhist volunteers' chat, a speech therapy record, a community post on a taxi driver returning a wallet, a table tennis club's open chat, Nepali and Bhutanese greenhouse workers' Viber group, a glazier's job log, a film photography Discord, a doenjang maker's order book, a used car seat deal chat, a county office's messenger about a misdirected relief payment, a domestic violence shelter intake, a Kazakh pianist in the news, Vietnamese and Thai fish farm workers' Zalo group, a high school rugby roster and coach's texts, a NICU record and the parents' call log, a tower crane near-miss report and chat, a knee replacement plan and consent, a birdwatchers' Naver cafe, an insurer's complaint record and messenger, a rhythm game stream chat, a villa jeonse contract and mould chat, activity assistants' KakaoTalk group, a climbing gym's records, a hypothermia dispatch log, a semiconductor firm's Austin Slack channel, Uzbek and Korean-Chinese restaurant workers' Telegram group, a wedding hall mediation) and wired at the next session's start
/// after two passes tuned on batch 115 (a social network comment's writer with how long ago, a portal comment's stamp and dash, Herr and Frau; a speaker's generational suffix, a Chinese given name before 姐), adds planted documents only (<c>person-private-docs116.txt</c>). Batch 117, written blind in that session by
/// two writers (a laser treatment consent and patients' inquiries, Kazakh and Kyrgyz meat plant workers' WhatsApp group, a field trip accident conference, a youth orchestra's audition notice and Band comments, a reconstruction association's general meeting, a valley campsite flash flood in the news, a game studio's Montreal Slack channel, a Gapyeong pension ledger, a temple's lantern festival chat, a speech therapy centre's notes, a community post thanking a taxi driver, a badminton club's open chat, Vietnamese brides' Zalo group, a plumber's log, a keyboard enthusiasts' Discord, a rice cake shop's order book, a used camera deal chat, a district office's messenger about a misdelivered notice, a voice phishing victim's legal aid intake, a Peruvian chef in the news, Bangladeshi furniture workers' IMO group, ward nurses' handover notes, a church youth retreat chat, an insurance adjuster's accident report, a Twitch cooking stream chat, a village elders' hall minutes and diary, a daycare allergy incident report, a labour attorney's overtime consultation, a wedding planner's sheet and chat, a used car contract and texts, an orthodontic record, a hiking fall dispatch log, a battery maker's Poland Teams chat, Thai massage therapists' LINE group, a lease mediation record) and wired in it
/// after a pass tuned on batch 116 (a confident foreign name's word in Hangul as it sounds, a table's everyday words, a title with 님, a best comment's badge, Spanish and French forms of address), adds planted documents only (<c>person-private-docs117.txt</c>). Batch 118, written blind in that session by
/// two writers (a cataract surgery schedule and patients' messages, Cambodian strawberry farm workers' Telegram group, a parents' association meeting on a school bus route, a taekwondo academy's belt test notice and Band comments, a tenants' meeting on a heating outage, a boat capsizing in the news, an English e-mail with a German visiting scientist, a Jeju bicycle rental ledger, a soup kitchen's volunteer chat, an art therapy record, a community post on a neighbour who rescued a child from a fire, a futsal club's open chat, Joseonjok caregivers' WeChat group, a locksmith's job log, a board game café's Discord, a side dish shop's order book, a used stroller deal chat, a police station's messenger about a lost wallet, a franchise fraud legal aid intake, a Ghanaian drummer in the news, Nepali pig farm workers' Viber group, a nursing home's care log, a university club's MT chat, a traffic accident investigation report, a mukbang stream chat, a farmers' cooperative shipping meeting, a kindergarten field trip incident report, a divorce mediation record, a funeral hall's mourner register and family chat, a moving company's contract and texts, a physiotherapy record, a coast guard's rescue log, a cosmetics brand's Los Angeles Google Chat space, Indonesian fishermen's WhatsApp group, an air conditioner mediation) and wired in it
/// after a pass tuned on batch 117 (a board's comment with its votes, a workspace's mention of a given name, a handle in brackets after a speaker, a Vietnamese name of four words, Polish short forms), adds planted documents only (<c>person-private-docs118.txt</c>).
/// Stored as <c>person-private.jsonl</c> beside this file; a test checks the stored file matches this builder.
/// </summary>
internal static class PrivateContextSet
{
    public const int Seed = 20261203;
    private const int PerTemplate = 7;

    public static string StoredPath => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private.jsonl");

    private static string LabelsPath => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-labels.tsv");

    /// <summary>The reason of each hand-label code (see the legend in <c>person-private-labels.tsv</c>).</summary>
    public static readonly IReadOnlyDictionary<char, (bool Private, string Reason)> Reasons = new Dictionary<char, (bool, string)>
    {
        ['x'] = (true, "private individual anonymised by the press (surname or initial with 씨/모 씨) in a criminal, civil or workplace matter"),
        ['v'] = (true, "private individual named in the news in a personal matter (a member with age, the family of someone who died)"),
        ['a'] = (false, "actor, singer or entertainer"),
        ['c'] = (false, "fictional character"),
        ['s'] = (false, "athlete"),
        ['p'] = (false, "politician or public office holder"),
        ['b'] = (false, "business leader named in the news"),
        ['e'] = (false, "expert or office holder quoted in that role"),
        ['g'] = (false, "group name"),
        ['w'] = (false, "director, author or artist"),
        ['f'] = (false, "person named in full by the press or a documentary"),
        ['o'] = (false, "civil servant named in an official capacity (press-release contact)"),
        ['u'] = (false, "author of a published paper"),
        ['n'] = (false, "prize winner named in a ministry press release"),

        // Batch 4 (planted documents): persons of institutional documents written for this set.
        ['d'] = (true, "person an institutional record is about (complainant, client, patient, applicant, party, victim, witness)"),
        ['k'] = (true, "family member, guardian, colleague or acquaintance named in a private record or message"),
        ['l'] = (true, "party or signatory of a contract, consent or application form"),
        ['m'] = (true, "private individual attending a meeting, in its minutes"),
        ['h'] = (true, "sender, recipient or participant of a chat, message or e-mail"),
        ['i'] = (true, "staff of an organisation named in an internal record, a private message or a contract"),
        ['y'] = (true, "private individual named in a notice (customer, member, pupil, the deceased and mourners)"),
        ['j'] = (false, "official acting in office in an official document (civil servant on a contact line, police officer, court clerk)"),
        ['r'] = (false, "historical figure"),
    };

    private const string KlueLicence = "ner/klue-ner-v1.1_dev_part1.tsv: KLUE-NER v1.1 dev, github KLUE-benchmark/KLUE, CC BY-SA 4.0";

    private static readonly Dictionary<string, string> s_licences = new(StringComparer.Ordinal)
    {
        ["providers/hwp"] = "github hahnlee/hwp.js, neolord0/hwplib test files, Apache-2.0 (repositories)",
        ["providers/hwpx"] = "github neolord0/hwpxlib test files, Apache-2.0",
        ["providers/pdf"] = "korquad/korquad.github.io, CC BY-ND (as listed in shared/data/README.md)",
        ["chat"] = "text/genres/chat_qa_pairs.jsonl: github songys/Chatbot_data, MIT",
        ["nsmc"] = "text/nsmc_reviews_sample.jsonl: github e9t/nsmc, CC0",
        ["nts"] = "providers/hwp/nts_rulings: github neolord0/hwplib test files, Apache-2.0",
        ["comment"] = "providers/csv/news_comment_utf8.csv: public GitHub repository of a data.go.kr download, KOGL type 1 (as listed in shared/data/README.md)",
        ["form"] = "providers/hwpx/gangbuk_rfp.hwpx (form layout only): github neolord0/hwpxlib test files, Apache-2.0",
        ["written"] = "written for this set by the Moa project (no third-party text; every name invented)",
    };

    /// <summary>
    /// The constructed templates: id, the kind of real carrier wrapped ({text}; <c>form</c> uses none), the template and
    /// why its persons ({name}, {name2}) are private. Written for this set, with varied wording.
    /// </summary>
    private static readonly (string Id, string Carrier, string Format, string Reason)[] s_templates =
    [
        ("t01", "comment", "민원인 {name}님이 제기한 민원 내용입니다.\n{text}", "complainant whose complaint is quoted"),
        ("t02", "chat", "{text}\n\n상담 신청자: {name} / 연락처 {phone}", "requester on a contact line with a phone number"),
        ("t03", "nts", "[ 질 의 ]\n질의자 {name}(주소: {addr})이 문의한 사항에 대한 회신입니다.\n{text}", "party to a ruling request, with an address"),
        ("t04", "chat", "환자 {name}(여, 54세) 외래 내원, 주호소: \"{text}\"", "patient in a clinical note"),
        ("t05", "chat", "보호자 {name} 씨 통화 메모 — {text}", "guardian in a call note"),
        ("t06", "comment", "받는 분: {name}\n주소: {addr}\n배송 요청사항: {text}", "recipient of a delivery, with an address"),
        ("t07", "chat", "Q: 안녕하세요, 저는 {name}입니다. {text}", "chat user who names themselves"),
        ("t08", "nsmc", "{text}\n\n{name} 드림\n{email}", "sender's signature with an e-mail address"),
        ("t09", "chat", "신청인 성명: {name}    생년월일: {dob}\n신청 사유: {text}", "applicant on a form, with a date of birth"),
        ("t10", "nts", "당사자 {name}의 진술 요지: {text}", "party to a case"),
        ("t11", "comment", "입금자명 {name} / 입금액 {amount}원 / 메모: {text}", "payer in a bank-transfer record"),
        ("t12", "chat", "예약자 {name} 고객님, 요청하신 내용 확인했습니다. 남기신 말씀: {text}", "customer holding a booking"),
        ("t13", "form", "위     임    장\n대표자\n성명\n{name2}\n대리인\n성명\n{name}\n연락처\n{phone}", "principal and agent filled into a power-of-attorney form"),
        ("t14", "form", "                            주  소 : {addr}\n                            대표자 :  {name}  (인)\n강북구청장  귀하", "signatory of a form, with an address"),
        ("t15", "chat", "From: {name} <{email}>\nSubject: 문의드립니다\n\n{text}", "sender of an e-mail"),
        ("t16", "chat", "선생님, {name} 엄마예요. {text}", "child named by a parent in a message to a teacher"),
        ("t17", "form", "임차인 {name}(연락처 {phone})과 임대인 {name2}은 아래 주택에 관하여 다음과 같이 임대차 계약을 체결한다.", "parties of a lease"),
        ("t18", "chat", "피해자 {name} 씨는 경찰 조사에서 \"{text}\"라고 말했다.", "victim in a police statement"),
        ("t19", "chat", "내담자 {name}, 3회기 상담 기록: {text}", "client in a counselling record"),
        ("t20", "nsmc", "리뷰 작성자 {name} ({email})\n{text}", "review author with an e-mail address"),
        ("t21", "comment", "참석자: {name}, {name2} (이상 주민 대표)\n건의 사항: {text}", "residents attending a meeting, in its minutes"),
        ("t22", "form", "{name} 님의 휴대폰 번호 {phone}으로 인증번호가 발송되었습니다.", "account holder next to a phone number"),
        ("t23", "chat", "기사님, {name}네 집은 {addr} 3층이에요. {text}", "household named with a home address"),
        ("t24", "form", "수령인 {name} 님, 주문하신 상품이 {date}에 발송되었습니다.", "recipient of an order"),
        ("t25", "chat", "아이 이름: {name}, 일곱 살. {text}", "child named in a message"),
        ("t26", "comment", "고객 {name}님({phone}) 방문 예정. 요청 사항: {text}", "customer with a phone number"),
        ("t27", "comment", "세입자 {name} 씨가 남긴 글: {text}", "tenant quoted by name"),
        ("t28", "nsmc", "{text} (작성: {name}, {district} 거주)", "author with the place they live"),
    ];

    /// <summary>
    /// Batch 2 templates, written after batch 1's test half had been measured and before any further rule change; they
    /// avoid the wording of batch 1 (chat transcripts, record headers, obituaries, friends named in passing).
    /// </summary>
    private static readonly (string Id, string Carrier, string Format, string Reason)[] s_templates2 =
    [
        ("t29", "chat", "[{name}] {text}", "speaker of a chat log"),
        ("t30", "chat", "{name}: {text}", "speaker in a chat transcript"),
        ("t31", "nsmc", "{text}\n- {name} ({phone})", "sign-off with a phone number"),
        ("t32", "comment", "신고자 {name}의 제보 내용: {text}", "informant of a report"),
        ("t33", "chat", "진료 기록 — {name} 님, 만 {age}세, 증상: {text}", "patient in a medical record"),
        ("t34", "nts", "질의인 {name}의 질의 요지: {text}", "party asking for a tax ruling"),
        ("t35", "form", "구매자: {name}\n배송지: {addr}\n연락처: {phone}", "buyer on an order form"),
        ("t36", "chat", "안녕하세요. {name} 학생 어머니입니다. {text}", "pupil named by a parent"),
        ("t38", "chat", "{name} 할머니 댁 방문 상담 일지: {text}", "client of a home-visit record"),
        ("t39", "form", "입금 계좌: 국민은행 {account} ({name})", "account holder of a bank account"),
        ("t40", "chat", "회원님({name}, {email})의 문의: {text}", "member with an e-mail address"),
        ("t41", "form", "주문자 {name} / 휴대전화 {phone} / 요청: 부재 시 경비실에 맡겨 주세요", "orderer with a phone number"),
        ("t42", "chat", "상담원: 성함이 어떻게 되세요?\n고객: {name}입니다.\n고객: {text}", "customer giving their name to an agent"),
        ("t43", "comment", "동네 주민 {name} 씨 제보 — {text}", "resident who sent a tip"),
        ("t44", "form", "참고인 진술서\n진술인: {name} (생년월일 {dob})", "person giving a statement, with a date of birth"),
        ("t45", "chat", "오늘 친구 {name}한테 들었는데, {text}", "friend named in passing in a private chat"),
        ("t46", "form", "고(故) {name} 님께서 별세하셨기에 삼가 알려드립니다. 빈소: {addr}", "deceased in a funeral notice, with an address"),
        ("t47", "chat", "간병인 {name} 여사님께 전달 부탁드립니다. {text}", "carer named in a family message"),
        ("t48", "form", "진단서\n환자의 성명 {name}   생년월일 {dob}", "patient on a medical certificate"),
        ("t49", "comment", "{name} 님이 {date}에 남긴 후기: {text}", "customer who left a review"),
    ];

    /// <summary>Batch 3 templates, written after batch 2's test half had been measured and before any further rule change.</summary>
    private static readonly (string Id, string Carrier, string Format, string Reason)[] s_templates3 =
    [
        ("t50", "chat", "우리 반 {name} 말로는 {text}", "classmate named in a private chat"),
        ("t51", "comment", "[제보자 {name} / {phone}] {text}", "tipster with a phone number"),
        ("t52", "form", "보험금 청구서\n피보험자: {name}\n사고 일자: {date}", "insured person on a claim form"),
        ("t53", "nsmc", "{text}\n\n보낸사람: {name} <{email}>", "sender of a message"),
        ("t54", "form", "{name}({age}세, 무직)은 {date} 관할 주민센터를 방문하여 긴급복지 지원을 신청하였다.", "applicant for welfare support"),
        ("t55", "chat", "문자 왔는데 \"{name}님, 예약하신 진료가 내일 오전 10시입니다\" {text}", "patient with a booking"),
        ("t56", "comment", "옆집 사는 {name} 씨가 그러는데 {text}", "neighbour"),
        ("t57", "form", "채무자 {name} (주소: {addr})", "debtor with an address"),
        ("t58", "chat", "{name} 씨 계좌로 보내 주세요. {account}", "payee with a bank account"),
        ("t59", "form", "학생 성명: {name}   보호자 연락처: {phone}", "pupil on a school form"),
        ("t60", "chat", "어제 소개팅한 {name} 씨 번호 {phone} 저장해 둠. {text}", "date named with a phone number"),
        ("t61", "comment", "동생 {name}의 글: {text}", "sibling"),
        ("t62", "form", "면회 신청서 — 수용자 성명 {name}, 면회인 {name2}", "inmate and visitor on a visiting form"),
        ("t63", "chat", "{name}, 너 어제 왜 연락 안 했어? {text}", "friend addressed in a chat"),
        ("t64", "form", "택배 보관함 {date} 수령 확인: {name} (서명)", "signatory of a receipt"),
        ("t65", "comment", "{name}({age}·회사원) 씨는 \"{text}\"라고 했다.", "private individual quoted with age and job"),
    ];

    /// <summary>
    /// Batch 4 templates (short constructed items; the planted documents are in <c>person-private-docs4.txt</c>), written
    /// blind: without looking at the rules or running them, while the rules were being changed on batches 1–3. «name|code»
    /// is a literal person with a code of <see cref="Reasons"/>; <c>written</c> templates wrap no real sentence.
    /// </summary>
    private static readonly (string Id, string Carrier, string Format, string Reason)[] s_templates4 =
    [
        ("t66", "nsmc", "★★★★☆ {text}\n— 실관람객 {name} 님의 후기", "customer who signed a review"),
        ("t67", "comment", "[관리사무소 알림] 1204동 {name} 님께서 게시판에 남기신 의견을 공유드립니다. \"{text}\"", "resident named in an apartment notice"),
        ("t68", "chat", "배달 요청) {text} / 받는분 {name} {phone}", "recipient on a delivery note"),
        ("t69", "chat", "이번 주 {name} 집사님 기도 제목: {text}", "parishioner in a church notice"),
        ("t70", "written", "故 {name} 님의 영전에 삼가 조의를 표합니다.\n유족 대표 {name2} 올림 ({phone})", "the deceased and a mourner in an obituary"),
        ("t71", "nsmc", "{text}\n\n작성자 {name} | 가입일 {date} | 휴대폰 인증 {phone}", "author of a review with a verified phone number"),
        ("t72", "chat", "엄마 나 {name}인데 폰 고장 나서 친구 폰으로 보내. {text}", "sender who names themselves in a text message"),
        ("t73", "comment", "독서모임 5월 발제자: {name}\n이번 책: «한강|w», 『소년이 온다』\n지난 모임 소감 — {text}", "member named in a club notice"),
        ("t74", "chat", "{name} 회원님, PT 담당 트레이너입니다. 지난 상담 때 말씀하신 내용 정리해 드려요: {text}", "gym member addressed by a trainer"),
        ("t75", "nsmc", "\"{text}\" ← 우리 과 동기 {name} 평점임 ㅋㅋ", "classmate named as the author of a review"),
        ("t76", "written", "장학금 기탁자: {name} (졸업생, {age}세)\n기탁금: 500만원\n연락처: {phone}\n담당: 행정실", "donor on a school's donation record"),
        ("t77", "chat", "{name} 어머님, 오늘 알림장 전달드려요. {text}\n- 해님반 담임 드림", "child named in a kindergarten note"),
        ("t78", "comment", "[중고거래] 판매자 {name} / 거래 희망 지역 {district} / 메모: {text}", "seller on a second-hand listing"),
    ];

    /// <summary>
    /// Batch 5 templates (short constructed items; the planted documents are in <c>person-private-docs5.txt</c>), written
    /// blind like batch 4's while the rules were being changed on batches 1–4, with other kinds and wordings than batch 4's.
    /// </summary>
    private static readonly (string Id, string Carrier, string Format, string Reason)[] s_templates5 =
    [
        ("t79", "nsmc", "[구매평] 별점 5점 / 작성자 {name}({district})\n{text}", "customer who signed a shop review"),
        ("t80", "chat", "[Web발신]\n{name}님 {date} 오후 3시 정형외과 재활치료 예약되어 있습니다. 변경은 {phone}\n메모: {text}", "patient in an appointment reminder"),
        ("t81", "written", "저희 두 사람이 사랑으로 하나 되는 날\n신랑 {name} · 신부 {name2}\n{date} 낮 12시 30분, {addr} 웨딩홀 3층\n마음 전하실 곳: 신랑측 {account}", "bride and groom of a wedding invitation"),
        ("t82", "comment", "[습득물 안내] 3층 열람실에서 학생증({name}, 2학년)을 주웠습니다. 찾아가세요. 덧붙임: {text}", "owner of a lost student card"),
        ("t83", "chat", "택배기사 메모) {name}님 댁 문 앞 두고 갑니다. 사진 찍어뒀어요~ 고객 요청: {text}", "customer on a courier's note"),
        ("t84", "written", "[부고] 본회 회원 {name} 님의 부친께서 {date} 별세하셨습니다.\n빈소: {addr} 장례식장 2호실\n상주: {name2}\n연락처: {phone}", "club member and chief mourner in an obituary"),
        ("t85", "comment", "○○교회 청년부 소식 — 이번 주 새가족: {name} 형제 ({age}세). 환영합니다! 나눔: {text}", "new church member in a parish notice"),
        ("t86", "chat", "쌤 저 {name}이에요ㅠㅠ 오늘 학원 못 가요. {text}", "pupil who names themselves in a message"),
        ("t87", "nsmc", "{text}\n\n— 동네 영화동호회 {date} 상영회 후기, 정리 {name} (총무)", "club officer who signed a members' note"),
        ("t88", "comment", "[아파트 게시판] 105동 1402호 {name}입니다. 층간소음 관련 말씀드립니다. {text}", "resident who signed an apartment board post"),
        ("t89", "chat", "{name} 선배님~ 저번에 말씀하신 거요, {text} 답장 주세요 :)", "senior addressed in a private message"),
        ("t90", "written", "분실물 찾습니다: 검정 지갑(신분증 {name}, 카드 3장). 사례하겠습니다. 연락 {phone}\n작성 {name2}", "owner of a lost wallet and the poster"),
    ];

    // Names written for batch 5: other rare and compound surnames (편, 탁, 빈, 함, 육, 경, 추, 사공, 남궁, 선우, 제갈,
    // 황보, 독고), given names that are also common words, one-syllable given names, foreign residents' names in Hangul.
    private static readonly string[] s_names5 =
    [
        "편해솔", "탁지우", "빈나라", "함보람", "육한결", "경슬기", "추민주", "사공정의", "남궁하늘", "선우다솜", "제갈우주", "황보겨레",
        "독고영재", "편은", "함솔", "추윤", "봉미선", "도하나", "맹슬아", "간아름", "모란", "어진", "기순덕", "인소라", "명재희", "국가람",
        "쯔엉 티 마이", "천샤오밍", "레이첼 가르시아 레예스", "아지즈 라히모프", "수실 타파", "솜차이 분미", "이반 쿠즈네초프", "예노을",
    ];

    // Names written for batch 4: rare and compound surnames, two- to four-syllable given names, given names that are also
    // common words, foreign residents' names in Hangul.
    private static readonly string[] s_names4 =
    [
        "제갈윤", "황보민석", "선우하린", "남궁선영", "독고준", "사공미자", "편세라", "빈재희", "육동필", "견미숙", "어윤정", "옥지환", "표승아",
        "국선희", "소하늘", "김보람", "박한결", "정다운", "최가을", "한사랑", "오기쁨", "유나라", "강바다", "서별", "황보다솜", "남궁은비",
        "선우예준", "제갈소망", "응우옌 반 훙", "누르잔 아시모바", "타냐 페트로바", "왕웨이", "리나 사르카르", "진솔", "도빛나", "마은혜",
    ];

    // Names written for this set: common Korean surnames and given names, two foreign residents' names in Hangul.
    private static readonly string[] s_names =
    [
        "김민준", "이서연", "박지훈", "최수아", "정우진", "강하은", "조현우", "윤지아", "장도윤", "임채원", "한승민", "오유진", "서준호", "신예린",
        "권태현", "황보람", "안소희", "송민재", "류하늘", "전지성", "홍순자", "고은비", "문성호", "양지수", "손다인", "배준영", "백서윤", "허민서",
        "노정숙", "하윤호", "곽미란", "차은정", "주영길", "우혜진", "구본철", "민경아", "진수빈", "엄태식", "채윤아", "방지호", "탁수정", "남궁현",
        "선우진", "이말순", "김옥자", "박영철", "최동수", "정미경", "응우옌 티 란", "마리아 산토스", "김하람", "이도현", "박서진", "최윤서",
    ];

    private static readonly string[] s_addresses =
    [
        "서울특별시 마포구 월드컵북로12길 34", "경기도 수원시 팔달구 효원로 241", "부산광역시 해운대구 좌동순환로 77", "대전광역시 서구 둔산로 100",
        "인천광역시 남동구 구월로 15", "광주광역시 북구 설죽로 210", "강원특별자치도 춘천시 석사동 812-3", "전북특별자치도 전주시 완산구 효자로 9",
    ];

    private static readonly string[] s_districts = ["마포구 성산동", "수원시 영통구", "해운대구 좌동", "청주시 흥덕구", "전주시 완산구", "강릉시 교동"];

    private static readonly string[] s_mailDomains = ["naver.com", "gmail.com", "daum.net", "hanmail.net", "kakao.com"];

    /// <summary>Every item: the real part first (KLUE, then provider documents), then the constructed part.</summary>
    public static List<PrivateItem> Build()
    {
        var items = new List<PrivateItem>();
        var labels = ReadLabels();
        AddKlue(items, labels.Where(l => l.Kind == "klue").ToList(), 1);
        AddDocuments(items, labels.Where(l => l.Kind == "doc").ToList());
        AddConstructed(items, s_templates, new Random(Seed), 1);
        AddKlue(items, labels.Where(l => l.Kind == "klue2").ToList(), 2);
        AddConstructed(items, s_templates2, new Random(Seed + 2), 2);
        AddKlue(items, labels.Where(l => l.Kind == "klue3").ToList(), 3);
        AddConstructed(items, s_templates3, new Random(Seed + 3), 3);
        AddKlue(items, labels.Where(l => l.Kind == "klue4").ToList(), 4);
        items.AddRange(Planted(DocsPath, 4));
        AddConstructed(items, s_templates4, new Random(Seed + 4), 4, 4, s_names4);
        AddKlue(items, labels.Where(l => l.Kind == "klue5").ToList(), 5);
        items.AddRange(Planted(DocsPath5, 5));
        AddConstructed(items, s_templates5, new Random(Seed + 5), 5, 4, s_names5);
        AddKlue(items, labels.Where(l => l.Kind == "klue6").ToList(), 6);
        items.AddRange(Planted(DocsPath6, 6));
        AddKlue(items, labels.Where(l => l.Kind == "klue7").ToList(), 7);
        items.AddRange(Planted(DocsPath7, 7));
        AddKlue(items, labels.Where(l => l.Kind == "klue8").ToList(), 8);
        items.AddRange(Planted(DocsPath8, 8));
        AddKlue(items, labels.Where(l => l.Kind == "klue9").ToList(), 9);
        items.AddRange(Planted(DocsPath9, 9));
        AddKlue(items, labels.Where(l => l.Kind == "klue10").ToList(), 10);
        items.AddRange(Planted(DocsPath10, 10));
        AddKlue(items, labels.Where(l => l.Kind == "klue11").ToList(), 11);
        items.AddRange(Planted(DocsPath11, 11));
        items.AddRange(Planted(DocsPath12, 12));
        items.AddRange(Planted(DocsPath13, 13));
        items.AddRange(Planted(DocsPath14, 14));
        items.AddRange(Planted(DocsPath15, 15));
        items.AddRange(Planted(DocsPath16, 16));
        items.AddRange(Planted(DocsPath17, 17));
        items.AddRange(Planted(DocsPath18, 18));
        items.AddRange(Planted(DocsPath19, 19));
        items.AddRange(Planted(DocsPath20, 20));
        items.AddRange(Planted(DocsPath21, 21));
        items.AddRange(Planted(DocsPath22, 22));
        items.AddRange(Planted(DocsPath23, 23));
        items.AddRange(Planted(DocsPath24, 24));
        items.AddRange(Planted(DocsPath25, 25));
        items.AddRange(Planted(DocsPath26, 26));
        items.AddRange(Planted(DocsPath27, 27));
        items.AddRange(Planted(DocsPath28, 28));
        items.AddRange(Planted(DocsPath29, 29));
        items.AddRange(Planted(DocsPath30, 30));
        items.AddRange(Planted(DocsPath31, 31));
        items.AddRange(Planted(DocsPath32, 32));
        items.AddRange(Planted(DocsPath33, 33));
        items.AddRange(Planted(DocsPath34, 34));
        items.AddRange(Planted(DocsPath35, 35));
        items.AddRange(Planted(DocsPath36, 36));
        items.AddRange(Planted(DocsPath37, 37));
        items.AddRange(Planted(DocsPath38, 38));
        items.AddRange(Planted(DocsPath39, 39));
        items.AddRange(Planted(DocsPath40, 40));
        items.AddRange(Planted(DocsPath41, 41));
        items.AddRange(Planted(DocsPath42, 42));
        items.AddRange(Planted(DocsPath43, 43));
        items.AddRange(Planted(DocsPath44, 44));
        items.AddRange(Planted(DocsPath45, 45));
        items.AddRange(Planted(DocsPath46, 46));
        items.AddRange(Planted(DocsPath47, 47));
        items.AddRange(Planted(DocsPath48, 48));
        items.AddRange(Planted(DocsPath49, 49));
        items.AddRange(Planted(DocsPath50, 50));
        items.AddRange(Planted(DocsPath51, 51));
        items.AddRange(Planted(DocsPath52, 52));
        items.AddRange(Planted(DocsPath53, 53));
        items.AddRange(Planted(DocsPath54, 54));
        items.AddRange(Planted(DocsPath55, 55));
        items.AddRange(Planted(DocsPath56, 56));
        items.AddRange(Planted(DocsPath57, 57));
        items.AddRange(Planted(DocsPath58, 58));
        items.AddRange(Planted(DocsPath59, 59));
        items.AddRange(Planted(DocsPath60, 60));
        items.AddRange(Planted(DocsPath61, 61));
        items.AddRange(Planted(DocsPath62, 62));
        items.AddRange(Planted(DocsPath63, 63));
        items.AddRange(Planted(DocsPath64, 64));
        items.AddRange(Planted(DocsPath65, 65));
        items.AddRange(Planted(DocsPath66, 66));
        items.AddRange(Planted(DocsPath67, 67));
        items.AddRange(Planted(DocsPath68, 68));
        items.AddRange(Planted(DocsPath69, 69));
        items.AddRange(Planted(DocsPath70, 70));
        items.AddRange(Planted(DocsPath71, 71));
        items.AddRange(Planted(DocsPath72, 72));
        items.AddRange(Planted(DocsPath73, 73));
        items.AddRange(Planted(DocsPath74, 74));
        items.AddRange(Planted(DocsPath75, 75));
        items.AddRange(Planted(DocsPath76, 76));
        items.AddRange(Planted(DocsPath77, 77));
        items.AddRange(Planted(DocsPath78, 78));
        items.AddRange(Planted(DocsPath79, 79));
        items.AddRange(Planted(DocsPath80, 80));
        items.AddRange(Planted(DocsPath81, 81));
        items.AddRange(Planted(DocsPath82, 82));
        items.AddRange(Planted(DocsPath83, 83));
        items.AddRange(Planted(DocsPath84, 84));
        items.AddRange(Planted(DocsPath85, 85));
        items.AddRange(Planted(DocsPath86, 86));
        items.AddRange(Planted(DocsPath87, 87));
        items.AddRange(Planted(DocsPath88, 88));
        items.AddRange(Planted(DocsPath89, 89));
        items.AddRange(Planted(DocsPath90, 90));
        items.AddRange(Planted(DocsPath91, 91));
        items.AddRange(Planted(DocsPath92, 92));
        items.AddRange(Planted(DocsPath93, 93));
        items.AddRange(Planted(DocsPath94, 94));
        items.AddRange(Planted(DocsPath95, 95));
        items.AddRange(Planted(DocsPath96, 96));
        items.AddRange(Planted(DocsPath97, 97));
        items.AddRange(Planted(DocsPath98, 98));
        items.AddRange(Planted(DocsPath99, 99));
        items.AddRange(Planted(DocsPath100, 100));
        items.AddRange(Planted(DocsPath101, 101));
        items.AddRange(Planted(DocsPath102, 102));
        items.AddRange(Planted(DocsPath103, 103));
        items.AddRange(Planted(DocsPath104, 104));
        items.AddRange(Planted(DocsPath105, 105));
        items.AddRange(Planted(DocsPath106, 106));
        items.AddRange(Planted(DocsPath107, 107));
        items.AddRange(Planted(DocsPath108, 108));
        items.AddRange(Planted(DocsPath109, 109));
        items.AddRange(Planted(DocsPath110, 110));
        items.AddRange(Planted(DocsPath111, 111));
        items.AddRange(Planted(DocsPath112, 112));
        items.AddRange(Planted(DocsPath113, 113));
        items.AddRange(Planted(DocsPath114, 114));
        items.AddRange(Planted(DocsPath115, 115));
        items.AddRange(Planted(DocsPath116, 116));
        items.AddRange(Planted(DocsPath117, 117));
        items.AddRange(Planted(DocsPath118, 118));
        return items;
    }

    private sealed record LabelRow(string Kind, string Key, string Codes, string Names);

    private static List<LabelRow> ReadLabels()
    {
        var rows = new List<LabelRow>();
        var lineNo = 0;
        foreach (var line in File.ReadLines(LabelsPath))
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var cols = line.Split('\t');
            if (cols.Length != 4 || cols[0] is not ("klue" or "klue2" or "klue3" or "klue4" or "klue5" or "klue6" or "klue7" or "klue8" or "klue9" or "klue10" or "klue11" or "doc") || cols[2].Split('|').Any(c => c.Length != 1 || !Reasons.ContainsKey(c[0])))
            {
                throw new InvalidDataException($"{LabelsPath}:{lineNo}: expected 'klue[2-9]|klue10|klue11|doc<TAB>key<TAB>codes<TAB>names' with codes from the legend, got '{line}'.");
            }

            rows.Add(new LabelRow(cols[0], cols[1], cols[2], cols[3]));
        }

        return rows;
    }

    private static void AddKlue(List<PrivateItem> items, List<LabelRow> labels, int batch)
    {
        var sentences = KlueNer.Read(TestPaths.Data("ner", "klue-ner-v1.1_dev_part1.tsv")).ToDictionary(s => s.Id, StringComparer.Ordinal);
        foreach (var row in labels)
        {
            var s = sentences.GetValueOrDefault(row.Key) ?? throw new InvalidDataException($"{LabelsPath}: KLUE sentence '{row.Key}' not found.");
            var codes = row.Codes.Split('|');
            var names = row.Names.Split('|');
            if (codes.Length != s.Persons.Count || names.Length != s.Persons.Count)
            {
                throw new InvalidDataException($"{LabelsPath}: '{row.Key}' has {s.Persons.Count} person spans, the labels {codes.Length} codes and {names.Length} names.");
            }

            var persons = new List<PersonLabel>();
            for (var i = 0; i < codes.Length; i++)
            {
                var (start, end) = s.Persons[i];
                if (s.Text[start..end] != names[i])
                {
                    throw new InvalidDataException($"{LabelsPath}: '{row.Key}' span {i} is '{s.Text[start..end]}', the labels say '{names[i]}'.");
                }

                var (isPrivate, reason) = Reasons[codes[i][0]];
                persons.Add(new PersonLabel(start, end, isPrivate, reason));
            }

            items.Add(new PrivateItem(row.Key, batch, "real", "ner/klue-ner-v1.1_dev_part1.tsv#" + row.Key, KlueLicence, "", s.Text, persons));
        }
    }

    /// <summary>One item per line of a provider document that holds a labelled name; every occurrence is labelled.</summary>
    private static void AddDocuments(List<PrivateItem> items, List<LabelRow> labels)
    {
        foreach (var file in labels.Select(l => l.Key).Distinct(StringComparer.Ordinal))
        {
            var named = labels.Where(l => l.Key == file).ToList();
            var text = string.Join("\n", ProviderDocuments.Read(file).Select(d => d.Text));
            foreach (var n in named.Where(n => !text.Contains(n.Names, StringComparison.Ordinal)))
            {
                throw new InvalidDataException($"{LabelsPath}: '{n.Names}' not found in the text of {file}.");
            }

            var lines = text.Split('\n');
            for (var k = 0; k < lines.Length; k++)
            {
                var line = lines[k].TrimEnd('\r');
                var persons = new List<PersonLabel>();
                foreach (var n in named)
                {
                    for (var at = line.IndexOf(n.Names, StringComparison.Ordinal); at >= 0; at = line.IndexOf(n.Names, at + n.Names.Length, StringComparison.Ordinal))
                    {
                        var (isPrivate, reason) = Reasons[n.Codes[0]];
                        persons.Add(new PersonLabel(at, at + n.Names.Length, isPrivate, reason));
                    }
                }

                if (persons.Count > 0)
                {
                    var folder = file[..file.LastIndexOf('/')];
                    items.Add(new PrivateItem($"{file}#l{k}", 1, "real", $"{file}#l{k}", file + ": " + s_licences[folder], "", line, [.. persons.OrderBy(p => p.Start)]));
                }
            }
        }
    }

    private static void AddConstructed(List<PrivateItem> items, (string Id, string Carrier, string Format, string Reason)[] templates, Random rng, int batch, int perTemplate = PerTemplate, string[]? names = null)
    {
        names ??= s_names;
        var carriers = new Dictionary<string, List<(string Source, string Text)>>(StringComparer.Ordinal)
        {
            ["chat"] = ChatQuestions(),
            ["nsmc"] = [.. Carriers.NsmcReviews().Where(t => t.Length <= 120 && !t.Contains('\n')).Select((t, i) => ("text/nsmc_reviews_sample.jsonl", t))],
            ["nts"] = RulingSummaries(),
            ["comment"] = [.. Carriers.NewsComments().Where(t => t.Length <= 120 && !t.Contains('\n')).Select(t => ("providers/csv/news_comment_utf8.csv", t))],
            ["form"] = [("providers/hwpx/gangbuk_rfp.hwpx", "")],
            ["written"] = [("tests/Moa.Privacy.Tests/EvalSet/PrivateContextSet.cs (template)", "")],
        };

        foreach (var (id, kind, format, reason) in templates)
        {
            for (var k = 0; k < perTemplate; k++)
            {
                var pool = carriers[kind];
                var (source, carrier) = pool[rng.Next(pool.Count)];
                var name = names[rng.Next(names.Length)];
                var name2 = names[rng.Next(names.Length)];
                while (name2 == name)
                {
                    name2 = names[rng.Next(names.Length)];
                }

                var values = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["name"] = name,
                    ["name2"] = name2,
                    ["text"] = carrier,
                    ["phone"] = string.Create(CultureInfo.InvariantCulture, $"010-{rng.Next(2000, 10000)}-{rng.Next(0, 10000):0000}"),
                    ["email"] = string.Create(CultureInfo.InvariantCulture, $"user{rng.Next(100, 1000)}@{s_mailDomains[rng.Next(s_mailDomains.Length)]}"),
                    ["addr"] = s_addresses[rng.Next(s_addresses.Length)],
                    ["district"] = s_districts[rng.Next(s_districts.Length)],
                    ["dob"] = string.Create(CultureInfo.InvariantCulture, $"{rng.Next(1950, 2005)}. {rng.Next(1, 13)}. {rng.Next(1, 29)}."),
                    ["date"] = string.Create(CultureInfo.InvariantCulture, $"{rng.Next(1, 13)}월 {rng.Next(1, 29)}일"),
                    ["amount"] = string.Create(CultureInfo.InvariantCulture, $"{rng.Next(1, 500) * 1000:#,0}"),
                };
                if (batch >= 2)
                {
                    values["age"] = rng.Next(19, 90).ToString(CultureInfo.InvariantCulture);
                    values["account"] = string.Create(CultureInfo.InvariantCulture, $"{rng.Next(100, 1000)}-{rng.Next(10, 100)}-{rng.Next(100000, 1000000)}");
                }

                var (text, persons) = Fill(format, values, reason);
                items.Add(new PrivateItem($"constructed#{id}#{k}", batch, "constructed", source, s_licences[kind], id, text, persons));
            }
        }
    }

    /// <summary>
    /// Replaces each {key} of <paramref name="format"/> with its value and each «name|code» with the name, and returns
    /// the persons: {name} and {name2} private with <paramref name="reason"/>, «name|code» with the code's judgement.
    /// </summary>
    private static (string Text, List<PersonLabel> Persons) Fill(string format, Dictionary<string, string> values, string reason)
    {
        var sb = new StringBuilder();
        var persons = new List<PersonLabel>();
        var i = 0;
        while (i < format.Length)
        {
            var open = format.IndexOfAny(['{', '«'], i);
            if (open < 0)
            {
                sb.Append(format, i, format.Length - i);
                break;
            }

            sb.Append(format, i, open - i);
            var close = format.IndexOf(format[open] == '{' ? '}' : '»', open);
            if (close < 0)
            {
                throw new InvalidDataException($"unclosed '{format[open]}' at {open} of '{format[..Math.Min(format.Length, open + 40)]}'");
            }

            var inner = format[(open + 1)..close];
            if (format[open] == '«')
            {
                var bar = inner.LastIndexOf('|');
                if (bar <= 0 || bar != inner.Length - 2 || !Reasons.TryGetValue(inner[^1], out var judged))
                {
                    throw new InvalidDataException($"'«{inner}»' is not «name|code» with a code of the legend");
                }

                persons.Add(new PersonLabel(sb.Length, sb.Length + bar, judged.Private, judged.Reason));
                sb.Append(inner, 0, bar);
            }
            else
            {
                var value = values.GetValueOrDefault(inner) ?? throw new InvalidDataException($"unknown placeholder '{{{inner}}}'");
                if (inner is "name" or "name2")
                {
                    persons.Add(new PersonLabel(sb.Length, sb.Length + value.Length, true, reason));
                }

                sb.Append(value);
            }

            i = close + 1;
        }

        return (sb.ToString(), [.. persons.OrderBy(p => p.Start)]);
    }

    private static string DocsPath => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs4.txt");

    private static string DocsPath5 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs5.txt");

    private static string DocsPath6 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs6.txt");

    private static string DocsPath7 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs7.txt");

    private static string DocsPath8 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs8.txt");

    private static string DocsPath9 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs9.txt");

    private static string DocsPath10 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs10.txt");

    private static string DocsPath11 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs11.txt");

    private static string DocsPath12 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs12.txt");

    private static string DocsPath13 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs13.txt");

    private static string DocsPath14 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs14.txt");

    private static string DocsPath15 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs15.txt");

    private static string DocsPath16 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs16.txt");

    private static string DocsPath17 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs17.txt");

    private static string DocsPath18 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs18.txt");

    private static string DocsPath19 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs19.txt");

    private static string DocsPath20 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs20.txt");

    private static string DocsPath21 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs21.txt");

    private static string DocsPath22 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs22.txt");

    private static string DocsPath23 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs23.txt");

    private static string DocsPath24 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs24.txt");

    private static string DocsPath25 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs25.txt");

    private static string DocsPath26 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs26.txt");

    private static string DocsPath27 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs27.txt");

    private static string DocsPath28 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs28.txt");

    private static string DocsPath29 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs29.txt");

    private static string DocsPath30 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs30.txt");

    private static string DocsPath31 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs31.txt");

    private static string DocsPath32 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs32.txt");

    private static string DocsPath33 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs33.txt");

    private static string DocsPath34 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs34.txt");

    private static string DocsPath35 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs35.txt");

    private static string DocsPath36 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs36.txt");

    private static string DocsPath37 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs37.txt");

    private static string DocsPath38 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs38.txt");

    private static string DocsPath39 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs39.txt");

    private static string DocsPath40 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs40.txt");

    private static string DocsPath41 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs41.txt");

    private static string DocsPath42 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs42.txt");

    private static string DocsPath43 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs43.txt");

    private static string DocsPath44 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs44.txt");

    private static string DocsPath45 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs45.txt");

    private static string DocsPath46 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs46.txt");

    private static string DocsPath47 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs47.txt");

    private static string DocsPath48 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs48.txt");

    private static string DocsPath49 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs49.txt");

    private static string DocsPath50 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs50.txt");

    private static string DocsPath51 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs51.txt");

    private static string DocsPath52 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs52.txt");

    private static string DocsPath53 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs53.txt");

    private static string DocsPath54 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs54.txt");

    private static string DocsPath55 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs55.txt");

    private static string DocsPath56 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs56.txt");

    private static string DocsPath57 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs57.txt");

    private static string DocsPath58 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs58.txt");

    private static string DocsPath59 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs59.txt");

    private static string DocsPath60 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs60.txt");

    private static string DocsPath61 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs61.txt");

    private static string DocsPath62 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs62.txt");

    private static string DocsPath63 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs63.txt");

    private static string DocsPath64 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs64.txt");

    private static string DocsPath65 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs65.txt");

    private static string DocsPath66 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs66.txt");

    private static string DocsPath67 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs67.txt");

    private static string DocsPath68 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs68.txt");

    private static string DocsPath69 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs69.txt");

    private static string DocsPath70 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs70.txt");

    private static string DocsPath71 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs71.txt");

    private static string DocsPath72 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs72.txt");

    private static string DocsPath73 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs73.txt");

    private static string DocsPath74 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs74.txt");

    private static string DocsPath75 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs75.txt");

    private static string DocsPath76 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs76.txt");

    private static string DocsPath77 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs77.txt");

    private static string DocsPath78 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs78.txt");

    private static string DocsPath79 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs79.txt");

    private static string DocsPath80 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs80.txt");

    private static string DocsPath81 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs81.txt");

    private static string DocsPath82 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs82.txt");

    private static string DocsPath83 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs83.txt");

    private static string DocsPath84 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs84.txt");

    private static string DocsPath85 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs85.txt");

    private static string DocsPath86 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs86.txt");

    private static string DocsPath87 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs87.txt");

    private static string DocsPath88 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs88.txt");

    private static string DocsPath89 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs89.txt");

    private static string DocsPath90 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs90.txt");

    private static string DocsPath91 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs91.txt");

    private static string DocsPath92 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs92.txt");

    private static string DocsPath93 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs93.txt");

    private static string DocsPath94 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs94.txt");

    private static string DocsPath95 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs95.txt");

    private static string DocsPath96 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs96.txt");

    private static string DocsPath97 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs97.txt");

    private static string DocsPath98 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs98.txt");

    private static string DocsPath99 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs99.txt");

    private static string DocsPath100 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs100.txt");

    private static string DocsPath101 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs101.txt");

    private static string DocsPath102 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs102.txt");

    private static string DocsPath103 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs103.txt");

    private static string DocsPath104 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs104.txt");

    private static string DocsPath105 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs105.txt");

    private static string DocsPath106 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs106.txt");

    private static string DocsPath107 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs107.txt");

    private static string DocsPath108 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs108.txt");

    private static string DocsPath109 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs109.txt");

    private static string DocsPath110 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs110.txt");

    private static string DocsPath111 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs111.txt");

    private static string DocsPath112 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs112.txt");

    private static string DocsPath113 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs113.txt");

    private static string DocsPath114 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs114.txt");

    private static string DocsPath115 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs115.txt");

    private static string DocsPath116 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs116.txt");

    private static string DocsPath117 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs117.txt");

    private static string DocsPath118 => Path.Combine(TestPaths.RepoRoot, "tests", "Moa.Privacy.Tests", "EvalSet", "person-private-docs118.txt");

    /// <summary>
    /// The planted documents of a batch (<c>person-private-docs4.txt</c> to <c>person-private-docs118.txt</c>): one item per
    /// document, its persons marked «name|code» and its identifiers generated by <see cref="ValueFactory"/> with a fixed
    /// seed of the batch (valid check digits where the type has one). A malformed document, or a name that also occurs
    /// unmarked in its document (every mention must be labelled), is an error naming the file and the line of the document.
    /// </summary>
    internal static List<PrivateItem> Planted(string path, int batch)
    {
        var values = new ValueFactory(new Random(Seed + (10 * batch)));
        var rng = new Random(Seed + (10 * batch) + 1);
        var items = new List<PrivateItem>();
        var docs = new List<(string Id, int Line, List<string> Lines)>();
        var lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (line.StartsWith("=== ", StringComparison.Ordinal))
            {
                var id = line[4..].Split(' ')[0];
                docs.Add((id, lineNo, []));
            }
            else if (docs.Count > 0)
            {
                docs[^1].Lines.Add(line);
            }
            else if (line.Length > 0 && line[0] != '#')
            {
                throw new InvalidDataException($"{path}:{lineNo}: text before the first '=== id title' line.");
            }
        }

        foreach (var (id, line, lines) in docs)
        {
            var format = string.Join("\n", lines).TrimEnd('\n', ' ');
            var noValues = new Dictionary<string, string>(StringComparer.Ordinal);
            var text = "";
            List<PersonLabel> persons;
            try
            {
                // Each placeholder gets its own value: fill them one at a time, in order.
                var sb = new StringBuilder();
                var at = 0;
                for (var open = format.IndexOf('{', at); open >= 0; open = format.IndexOf('{', at))
                {
                    var close = format.IndexOf('}', open);
                    if (close < 0)
                    {
                        throw new InvalidDataException($"unclosed '{{' at {open}");
                    }

                    sb.Append(format, at, open - at);
                    sb.Append(Identifier(format[(open + 1)..close], values, rng));
                    at = close + 1;
                }

                sb.Append(format, at, format.Length - at);
                (text, persons) = Fill(sb.ToString(), noValues, "");
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"{path}:{line}: document '{id}': {e.Message}", e);
            }

            if (persons.Count == 0)
            {
                throw new InvalidDataException($"{path}:{line}: document '{id}' marks no person.");
            }

            foreach (var name in persons.Select(p => text[p.Start..p.End]).Where(n => n.Length >= 2).Distinct(StringComparer.Ordinal))
            {
                for (var k = text.IndexOf(name, StringComparison.Ordinal); k >= 0; k = text.IndexOf(name, k + 1, StringComparison.Ordinal))
                {
                    if (!persons.Any(p => p.Start <= k && k + name.Length <= p.End))
                    {
                        throw new InvalidDataException($"{path}:{line}: document '{id}': '{name}' also occurs unmarked at {k}.");
                    }
                }
            }

            var source = "tests/Moa.Privacy.Tests/EvalSet/" + Path.GetFileName(path) + "#" + id;
            items.Add(new PrivateItem("planted#" + id, batch, "constructed", source, s_licences["written"], id, text, persons));
        }

        return items;
    }

    /// <summary>A generated identifier for a placeholder of a planted document.</summary>
    private static string Identifier(string key, ValueFactory values, Random rng) => key switch
    {
        "phone" => values.Phone(),
        "email" => values.Email(),
        "rrn" => values.Rrn(),
        "arn" => values.Arn(),
        "card" => values.Card(),
        "account" => values.Account(),
        "bank" => values.Bank(),
        "addr" => values.Address(),
        "brn" => values.Brn(),
        "plate" => values.Plate(),
        "license" => values.DriverLicense(),
        "dob" => string.Create(CultureInfo.InvariantCulture, $"{rng.Next(1940, 2012)}. {rng.Next(1, 13)}. {rng.Next(1, 29)}."),
        "date" => rng.Next(3) switch
        {
            0 => string.Create(CultureInfo.InvariantCulture, $"2025. {rng.Next(1, 13)}. {rng.Next(1, 29)}."),
            1 => string.Create(CultureInfo.InvariantCulture, $"2025년 {rng.Next(1, 13)}월 {rng.Next(1, 29)}일"),
            _ => string.Create(CultureInfo.InvariantCulture, $"2025-{rng.Next(1, 13):00}-{rng.Next(1, 29):00}"),
        },
        _ => throw new InvalidDataException($"unknown placeholder '{{{key}}}'"),
    };

    private static List<(string, string)> ChatQuestions()
    {
        var list = new List<(string, string)>();
        foreach (var line in File.ReadLines(TestPaths.Data("text", "genres", "chat_qa_pairs.jsonl")))
        {
            using var doc = JsonDocument.Parse(line);
            var id = doc.RootElement.GetProperty("id").GetString();
            foreach (var qa in doc.RootElement.GetProperty("text").GetString()!.Split('\n'))
            {
                if (qa.StartsWith("Q: ", StringComparison.Ordinal) && qa.Length >= 10)
                {
                    list.Add(($"text/genres/chat_qa_pairs.jsonl#{id}", qa[3..]));
                }
            }
        }

        return list;
    }

    /// <summary>The 요지 (summary) line of every NTS ruling, as the HWP reader gives it.</summary>
    private static List<(string, string)> RulingSummaries()
    {
        var list = new List<(string, string)>();
        foreach (var path in Directory.GetFiles(TestPaths.Data("providers", "hwp", "nts_rulings"), "0*.hwp").Order(StringComparer.Ordinal))
        {
            var file = "providers/hwp/nts_rulings/" + Path.GetFileName(path);
            var lines = string.Join("\n", ProviderDocuments.Read(file).Select(d => d.Text)).Split('\n');
            for (var i = 0; i + 1 < lines.Length; i++)
            {
                if (lines[i].Replace(" ", "", StringComparison.Ordinal).StartsWith("[요지]", StringComparison.Ordinal))
                {
                    list.Add((file, lines[i + 1].Trim()));
                    break;
                }
            }
        }

        return list;
    }

    public static string ToJsonl(IEnumerable<PrivateItem> items)
    {
        var sb = new StringBuilder();
        var options = new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        foreach (var d in items)
        {
            sb.Append(JsonSerializer.Serialize(new
            {
                id = d.Id,
                batch = d.Batch,
                split = d.IsTest ? "test" : "tuning",
                part = d.Part,
                template = d.Template,
                source = d.Source,
                licence = d.Licence,
                text = d.Text,
                persons = d.Persons.Select(p => new { start = p.Start, end = p.End, name = d.Text[p.Start..p.End], @private = p.Private, reason = p.Reason }),
            }, options));
            sb.Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Reads the stored set; a malformed line is an error naming the file, the line and the field.</summary>
    public static List<PrivateItem> Load(string path)
    {
        var items = new List<PrivateItem>();
        var lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            var field = "(the line)";
            try
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                string Str(string name)
                {
                    field = name;
                    return root.GetProperty(name).GetString() ?? throw new InvalidDataException("null");
                }

                var (id, part, template, source, licence, text) = (Str("id"), Str("part"), Str("template"), Str("source"), Str("licence"), Str("text"));
                if (part is not ("real" or "constructed") || string.IsNullOrWhiteSpace(licence))
                {
                    field = part is not ("real" or "constructed") ? "part" : "licence";
                    throw new InvalidDataException("must be 'real' or 'constructed' and carry a licence");
                }

                field = "persons";
                var persons = new List<PersonLabel>();
                foreach (var p in root.GetProperty("persons").EnumerateArray())
                {
                    var (start, end) = (p.GetProperty("start").GetInt32(), p.GetProperty("end").GetInt32());
                    if (start < 0 || start >= end || end > text.Length || text[start..end] != p.GetProperty("name").GetString())
                    {
                        field = $"persons[{persons.Count}]";
                        throw new InvalidDataException($"span {start}..{end} does not hold its name");
                    }

                    persons.Add(new PersonLabel(start, end, p.GetProperty("private").GetBoolean(), p.GetProperty("reason").GetString()!));
                }

                field = "batch";
                var batch = root.GetProperty("batch").GetInt32();
                items.Add(new PrivateItem(id, batch, part, source, licence, template, text, persons));
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or InvalidDataException or FormatException)
            {
                throw new InvalidDataException($"{path}:{lineNo}: field '{field}': {e.Message}", e);
            }
        }

        return items;
    }
}
