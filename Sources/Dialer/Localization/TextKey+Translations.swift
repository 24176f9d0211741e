import CampaignDSL

/// One text in every language Dialer speaks.
struct Translation {
    let en: String
    let vi: String
    let cs: String
}

extension TextKey {
    /// The text in `language`.
    func text(in language: CampaignLanguage) -> String {
        let translation = translations
        switch language {
        case .english: return translation.en
        case .vietnamese: return translation.vi
        case .czech: return translation.cs
        }
    }

    /// The key's English, Vietnamese and Czech, side by side.
    var translations: Translation {
        switch self {
        case .reportTitle: Translation(
            en: "{title}: campaign report",
            vi: "{title}: báo cáo chiến dịch",
            cs: "{title}: přehled kampaně")
        case .campaignLabel: Translation(
            en: "Campaign",
            vi: "Chiến dịch",
            cs: "Kampaň")
        case .rangeAll: Translation(
            en: "all calls",
            vi: "tất cả cuộc gọi",
            cs: "všechny hovory")
        case .rangeFromTo: Translation(
            en: "{from} to {to}",
            vi: "từ {from} đến {to}",
            cs: "od {from} do {to}")
        case .rangeFirstCall: Translation(
            en: "the first call",
            vi: "cuộc gọi đầu tiên",
            cs: "prvního hovoru")
        case .rangeNow: Translation(
            en: "now",
            vi: "nay",
            cs: "dneška")
        case .callsSpan: Translation(
            en: "calls from {first} to {last}",
            vi: "cuộc gọi từ {first} đến {last}",
            cs: "hovory od {first} do {last}")
        case .footer: Translation(
            en: "Written by dialerd from the campaign's database. Times are in {zone}.",
            vi: "Báo cáo do dialerd lập từ cơ sở dữ liệu của chiến dịch. Giờ theo múi giờ {zone}.",
            cs: "Vytvořil dialerd z databáze kampaně. Časy jsou v časovém pásmu {zone}.")
        case .verdictOverCap: Translation(
            en: "Abandon rate over the cap: {rate} {period}, cap {cap}. Slow the dialing down or add agents.",
            vi: "Tỷ lệ bỏ cuộc gọi vượt giới hạn: {rate} {period}, giới hạn {cap}. Hãy giảm tốc độ gọi hoặc thêm nhân viên.",
            cs: "Míra opuštěných hovorů je nad limitem: {rate} {period}, limit {cap}. Zpomalte vytáčení nebo přidejte operátory.")
        case .periodOn: Translation(
            en: "on {day}",
            vi: "ngày {day}",
            cs: "dne {day}")
        case .periodFromTo: Translation(
            en: "from {first} to {last}",
            vi: "từ {first} đến {last}",
            cs: "od {first} do {last}")
        case .verdictNothingDialedWaiting: Translation(
            en: "Nothing dialed: {pending} contacts are waiting for a call",
            vi: "Chưa gọi cuộc nào: {pending} liên hệ đang chờ được gọi",
            cs: "Zatím se nevolalo; kontakty čekající na hovor: {pending}")
        case .verdictNothingDialable: Translation(
            en: "Nothing dialed: no contact can be called",
            vi: "Chưa gọi cuộc nào: không có liên hệ nào gọi được",
            cs: "Zatím se nevolalo: žádný kontakt nelze volat")
        case .verdictNoConnects: Translation(
            en: "{attempts} calls placed, but no person reached an agent",
            vi: "Đã gọi {attempts} cuộc nhưng chưa có khách hàng nào được nối máy với nhân viên",
            cs: "Uskutečněné hovory: {attempts}, ale s operátorem se nespojil nikdo")
        case .verdictFinished: Translation(
            en: "Finished: every contact is final; {completed} of {contacts} reached",
            vi: "Đã xong: mọi liên hệ đều đã có kết quả cuối cùng; liên lạc được {completed}/{contacts}",
            cs: "Hotovo: všechny kontakty jsou uzavřené; zastiženo {completed} z {contacts}")
        case .verdictOnTrack: Translation(
            en: "On track: {completed} of {contacts} contacts reached, abandon rate {rate}{cap}",
            vi: "Đúng tiến độ: đã liên lạc được {completed}/{contacts} liên hệ, tỷ lệ bỏ cuộc gọi {rate}{cap}",
            cs: "Podle plánu: zastiženo {completed} z {contacts} kontaktů, míra opuštěných hovorů {rate}{cap}")
        case .verdictCapSuffix: Translation(
            en: ", cap {cap}",
            vi: ", giới hạn {cap}",
            cs: ", limit {cap}")
        case .tileContacts: Translation(
            en: "contacts",
            vi: "liên hệ",
            cs: "kontakty")
        case .tileCallsPlaced: Translation(
            en: "calls placed",
            vi: "cuộc gọi đã thực hiện",
            cs: "uskutečněné hovory")
        case .tileReached: Translation(
            en: "contacts reached",
            vi: "liên hệ đã liên lạc được",
            cs: "zastižené kontakty")
        case .tileStillToCall: Translation(
            en: "still to call",
            vi: "còn phải gọi",
            cs: "zbývá zavolat")
        case .tileAbandonWhole: Translation(
            en: "abandon rate over the whole campaign{cap}",
            vi: "tỷ lệ bỏ cuộc gọi trên cả chiến dịch{cap}",
            cs: "míra opuštěných hovorů za celou kampaň{cap}")
        case .tileAbandonDay: Translation(
            en: "highest abandon rate in one day{cap}",
            vi: "tỷ lệ bỏ cuộc gọi cao nhất trong một ngày{cap}",
            cs: "nejvyšší míra opuštěných hovorů za jeden den{cap}")
        case .tileAbandonPeriod: Translation(
            en: "highest abandon rate in a {days}-day period{cap}",
            vi: "tỷ lệ bỏ cuộc gọi cao nhất trong một kỳ {days} ngày{cap}",
            cs: "nejvyšší míra opuštěných hovorů za období {days} dnů{cap}")
        case .tileCap: Translation(
            en: " (cap {cap})",
            vi: " (giới hạn {cap})",
            cs: " (limit {cap})")
        case .tileNoCap: Translation(
            en: " (no cap set)",
            vi: " (không đặt giới hạn)",
            cs: " (bez limitu)")
        case .tileOccupancy: Translation(
            en: "agents' time busy with calls",
            vi: "tỷ lệ thời gian nhân viên bận với cuộc gọi",
            cs: "podíl času operátorů stráveného hovory")
        case .tileTextsSent: Translation(
            en: "text messages sent",
            vi: "tin nhắn đã gửi",
            cs: "odeslané SMS")
        case .sectionOutcomes: Translation(
            en: "Calls by outcome",
            vi: "Cuộc gọi theo kết quả",
            cs: "Hovory podle výsledku")
        case .sectionHours: Translation(
            en: "Calls and connects per hour of day",
            vi: "Cuộc gọi và cuộc nối máy theo giờ trong ngày",
            cs: "Hovory a spojení podle hodiny dne")
        case .sectionAbandon: Translation(
            en: "Abandon rate against the cap",
            vi: "Tỷ lệ bỏ cuộc gọi so với giới hạn",
            cs: "Míra opuštěných hovorů vůči limitu")
        case .sectionAgents: Translation(
            en: "Agents",
            vi: "Nhân viên",
            cs: "Operátoři")
        case .sectionDispositions: Translation(
            en: "Dispositions",
            vi: "Kết quả do nhân viên ghi nhận",
            cs: "Výsledky zapsané operátory")
        case .sectionSurveys: Translation(
            en: "Survey answers",
            vi: "Câu trả lời khảo sát",
            cs: "Odpovědi v průzkumu")
        case .sectionDelivery: Translation(
            en: "Text messages and webhooks",
            vi: "Tin nhắn và webhook",
            cs: "SMS a webhooky")
        case .sectionContacts: Translation(
            en: "Contacts",
            vi: "Liên hệ",
            cs: "Kontakty")
        case .outcomeAnswered: Translation(
            en: "answered",
            vi: "Trả lời",
            cs: "přijato")
        case .outcomeNoAnswer: Translation(
            en: "no answer",
            vi: "Không bắt máy",
            cs: "nepřijato")
        case .outcomeBusy: Translation(
            en: "busy",
            vi: "Máy bận",
            cs: "obsazeno")
        case .outcomeInvalid: Translation(
            en: "invalid number",
            vi: "Số không hợp lệ",
            cs: "neplatné číslo")
        case .outcomeFailed: Translation(
            en: "network failure",
            vi: "Không kết nối được",
            cs: "chyba sítě")
        case .outcomeMachine: Translation(
            en: "answering machine",
            vi: "Hộp thư thoại",
            cs: "záznamník")
        case .outcomeAbandoned: Translation(
            en: "abandoned",
            vi: "Cuộc gọi bị bỏ",
            cs: "opuštěno")
        case .outcomeUnknown: Translation(
            en: "unknown",
            vi: "Không rõ kết quả",
            cs: "neznámo")
        case .noCalls: Translation(
            en: "No call was placed in this range.",
            vi: "Không có cuộc gọi nào trong khoảng thời gian này.",
            cs: "V tomto období se neuskutečnil žádný hovor.")
        case .amdRan: Translation(
            en: "Answering-machine detection ran on {total} calls: {verdicts}.",
            vi: "Nhận diện hộp thư thoại đã chạy trên {total} cuộc gọi: {verdicts}.",
            cs: "Rozpoznávání záznamníku proběhlo u {total} hovorů: {verdicts}.")
        case .amdHuman: Translation(
            en: "a person",
            vi: "người nghe",
            cs: "člověk")
        case .amdMachine: Translation(
            en: "a machine",
            vi: "hộp thư thoại",
            cs: "záznamník")
        case .amdNotSure: Translation(
            en: "not sure",
            vi: "không chắc chắn",
            cs: "nejisté")
        case .amdHangup: Translation(
            en: "hung up",
            vi: "gác máy",
            cs: "zavěšeno")
        case .seriesCalls: Translation(
            en: "calls",
            vi: "cuộc gọi",
            cs: "hovory")
        case .seriesConnects: Translation(
            en: "connects",
            vi: "nối máy",
            cs: "spojení")
        case .seriesAbandoned: Translation(
            en: "abandoned",
            vi: "bị bỏ",
            cs: "opuštěné")
        case .seriesAbandonRate: Translation(
            en: "abandon rate per day",
            vi: "tỷ lệ bỏ cuộc gọi theo ngày",
            cs: "míra opuštěných hovorů po dnech")
        case .ruleCap: Translation(
            en: "cap {cap}",
            vi: "giới hạn {cap}",
            cs: "limit {cap}")
        case .abandonDefinition: Translation(
            en: "An abandoned call: a person answered but no agent was free, so the dialer hung up. The abandon rate is the abandoned calls divided by the calls a person answered.",
            vi: "Cuộc gọi bị bỏ: khách hàng đã nghe máy nhưng không có nhân viên nào rảnh nên hệ thống gác máy. Tỷ lệ bỏ cuộc gọi là số cuộc gọi bị bỏ chia cho số cuộc gọi có người nghe máy.",
            cs: "Opuštěný hovor: člověk hovor přijal, ale žádný operátor nebyl volný, a tak systém zavěsil. Míra opuštěných hovorů je počet opuštěných hovorů dělený počtem hovorů, které přijal člověk.")
        case .abandonWindowWhole: Translation(
            en: "It is counted over the whole campaign.",
            vi: "Tỷ lệ được tính trên toàn bộ chiến dịch.",
            cs: "Počítá se za celou kampaň.")
        case .abandonWindowDay: Translation(
            en: "It is counted for each calendar day.",
            vi: "Tỷ lệ được tính riêng cho từng ngày.",
            cs: "Počítá se za každý kalendářní den zvlášť.")
        case .abandonWindowPeriod: Translation(
            en: "It is counted for each {days}-day period from the first call.",
            vi: "Tỷ lệ được tính cho từng kỳ {days} ngày kể từ cuộc gọi đầu tiên.",
            cs: "Počítá se za každé období {days} dnů od prvního hovoru.")
        case .abandonCap: Translation(
            en: "The cap is {cap} (rules: {profile}); a period over it is shown in red.",
            vi: "Giới hạn là {cap} (theo quy định {profile}); kỳ nào vượt giới hạn được tô đỏ.",
            cs: "Limit je {cap} (pravidla {profile}); období nad limitem je vyznačeno červeně.")
        case .abandonNoCap: Translation(
            en: "No cap is set for this campaign (rules: {profile}).",
            vi: "Chiến dịch này không đặt giới hạn (quy định: {profile}).",
            cs: "Kampaň nemá nastavený limit (pravidla: {profile}).")
        case .abandonEstimates: Translation(
            en: "These rules also count the people answering-machine detection probably took for machines and hung up on: the rate uses those estimates.",
            vi: "Quy định này còn tính cả những người mà bộ nhận diện có lẽ đã nhầm là hộp thư thoại và gác máy: tỷ lệ dùng các số ước tính đó.",
            cs: "Tato pravidla počítají i lidi, které rozpoznávání záznamníku nejspíš mylně považovalo za záznamník a zavěsilo: míra používá tyto odhady.")
        case .colWindow: Translation(
            en: "period",
            vi: "kỳ",
            cs: "období")
        case .colPersons: Translation(
            en: "answered by a person",
            vi: "có người nghe máy",
            cs: "přijal člověk")
        case .colAbandoned: Translation(
            en: "abandoned",
            vi: "bị bỏ",
            cs: "opuštěno")
        case .colEstimated: Translation(
            en: "with AMD's estimated false positives",
            vi: "tính cả ước tính người bị nhận nhầm là máy",
            cs: "včetně odhadu lidí mylně rozpoznaných jako záznamník")
        case .colRate: Translation(
            en: "rate",
            vi: "tỷ lệ",
            cs: "míra")
        case .worstMark: Translation(
            en: " (highest)",
            vi: " (cao nhất)",
            cs: " (nejvyšší)")
        case .estimatedOf: Translation(
            en: "{abandoned} abandoned of {persons}",
            vi: "{abandoned} bị bỏ trên {persons}",
            cs: "{abandoned} opuštěných z {persons}")
        case .noAgents: Translation(
            en: "No agent took a call or logged in during this range.",
            vi: "Không có nhân viên nào nhận cuộc gọi hay đăng nhập trong khoảng thời gian này.",
            cs: "V tomto období žádný operátor nepřijal hovor ani se nepřihlásil.")
        case .colAgent: Translation(
            en: "agent",
            vi: "nhân viên",
            cs: "operátor")
        case .colCalls: Translation(
            en: "calls",
            vi: "cuộc gọi",
            cs: "hovory")
        case .colConnects: Translation(
            en: "connects",
            vi: "nối máy",
            cs: "spojení")
        case .colTalk: Translation(
            en: "talk",
            vi: "đàm thoại",
            cs: "hovor")
        case .colWrap: Translation(
            en: "wrap-up",
            vi: "xử lý sau cuộc gọi",
            cs: "dokončení po hovoru")
        case .colIdle: Translation(
            en: "idle",
            vi: "chờ",
            cs: "nečinnost")
        case .colLoggedIn: Translation(
            en: "logged in",
            vi: "đăng nhập",
            cs: "přihlášen")
        case .colOccupancy: Translation(
            en: "busy with calls",
            vi: "tỷ lệ bận",
            cs: "vytížení")
        case .durationHoursMinutes: Translation(
            en: "{hours} h {minutes} min",
            vi: "{hours} giờ {minutes} phút",
            cs: "{hours} h {minutes} min")
        case .durationMinutes: Translation(
            en: "{minutes} min",
            vi: "{minutes} phút",
            cs: "{minutes} min")
        case .noDispositions: Translation(
            en: "No disposition recorded in this range.",
            vi: "Chưa có kết quả nào được ghi nhận trong khoảng thời gian này.",
            cs: "V tomto období nebyl zapsán žádný výsledek.")
        case .noSurveys: Translation(
            en: "This campaign asks no survey questions.",
            vi: "Chiến dịch này không có câu hỏi khảo sát.",
            cs: "Tato kampaň nemá žádné otázky průzkumu.")
        case .answeredCount: Translation(
            en: "{count} answered",
            vi: "{count} người trả lời",
            cs: "odpovědí: {count}")
        case .noAnswersYet: Translation(
            en: "No answers recorded yet.",
            vi: "Chưa có câu trả lời nào.",
            cs: "Zatím žádné odpovědi.")
        case .freeTextAnswers: Translation(
            en: "Free-text answers: see results.xlsx.",
            vi: "Câu trả lời tự do: xem tệp results.xlsx.",
            cs: "Volné odpovědi: viz soubor results.xlsx.")
        case .answerYes: Translation(
            en: "yes",
            vi: "Có",
            cs: "ano")
        case .answerNo: Translation(
            en: "no",
            vi: "Không",
            cs: "ne")
        case .noDelivery: Translation(
            en: "No text message or webhook was queued.",
            vi: "Không có tin nhắn hay webhook nào được đưa vào hàng chờ.",
            cs: "Nebyla zařazena žádná SMS ani webhook.")
        case .colSent: Translation(
            en: "sent",
            vi: "đã gửi",
            cs: "odesláno")
        case .colQueued: Translation(
            en: "queued",
            vi: "đang chờ",
            cs: "ve frontě")
        case .colSending: Translation(
            en: "sending",
            vi: "đang gửi",
            cs: "odesílá se")
        case .colFailed: Translation(
            en: "failed",
            vi: "lỗi",
            cs: "selhalo")
        case .colMaybeDelivered: Translation(
            en: "maybe delivered",
            vi: "có thể đã gửi",
            cs: "možná doručeno")
        case .colSkipped: Translation(
            en: "skipped",
            vi: "bỏ qua",
            cs: "přeskočeno")
        case .colTotal: Translation(
            en: "total",
            vi: "tổng",
            cs: "celkem")
        case .rowTextMessages: Translation(
            en: "text messages",
            vi: "tin nhắn",
            cs: "SMS")
        case .rowWebhooks: Translation(
            en: "webhooks",
            vi: "webhook",
            cs: "webhooky")
        case .colStatus: Translation(
            en: "status",
            vi: "trạng thái",
            cs: "stav")
        case .colContacts: Translation(
            en: "contacts",
            vi: "liên hệ",
            cs: "kontakty")
        case .colShare: Translation(
            en: "share",
            vi: "tỷ lệ",
            cs: "podíl")
        case .statusReached: Translation(
            en: "reached",
            vi: "đã liên lạc được",
            cs: "zastiženo")
        case .statusExhausted: Translation(
            en: "every attempt used",
            vi: "đã gọi hết số lần cho phép",
            cs: "vyčerpány všechny pokusy")
        case .statusPending: Translation(
            en: "still to call",
            vi: "còn phải gọi",
            cs: "zbývá zavolat")
        case .statusInvalid: Translation(
            en: "invalid number",
            vi: "số không hợp lệ",
            cs: "neplatné číslo")
        case .statusDuplicate: Translation(
            en: "duplicate number",
            vi: "số bị trùng",
            cs: "duplicitní číslo")
        case .statusDoNotCall: Translation(
            en: "do not call",
            vi: "không được gọi",
            cs: "nevolat")
        case .sheetPageTitle: Translation(
            en: "{campaign}: call sheet of {agent}",
            vi: "{campaign}: danh sách gọi của {agent}",
            cs: "{campaign}: seznam hovorů pro {agent}")
        case .sheetFor: Translation(
            en: "Call sheet for {agent}",
            vi: "Danh sách gọi của {agent}",
            cs: "Seznam hovorů pro {agent}")
        case .sheetContacts: Translation(
            en: "{count} contacts in calling order",
            vi: "{count} liên hệ theo thứ tự gọi",
            cs: "kontakty v pořadí volání: {count}")
        case .sheetContactsOne: Translation(
            en: "1 contact",
            vi: "1 liên hệ",
            cs: "1 kontakt")
        case .sheetLocalTime: Translation(
            en: "Local time",
            vi: "Giờ địa phương",
            cs: "Místní čas")
        case .sheetCallFrom: Translation(
            en: "Call from",
            vi: "Gọi từ",
            cs: "Volat od")
        case .sheetNotAllowed: Translation(
            en: "not allowed any more",
            vi: "không được gọi nữa",
            cs: "už nelze volat")
        case .sheetCallbackAgreed: Translation(
            en: "Callback agreed",
            vi: "Đã hẹn gọi lại",
            cs: "Domluvené zavolání zpět")
        case .sheetEarlierCalls: Translation(
            en: "Earlier calls",
            vi: "Các cuộc gọi trước",
            cs: "Předchozí hovory")
        case .sheetNone: Translation(
            en: "none",
            vi: "chưa có",
            cs: "žádné")
        case .sheetSurvey: Translation(
            en: "Survey",
            vi: "Khảo sát",
            cs: "Průzkum")
        case .sheetOnlyIf: Translation(
            en: "only if {question} = {answers}",
            vi: "chỉ hỏi nếu {question} = {answers}",
            cs: "jen pokud {question} = {answers}")
        case .sheetOutcome: Translation(
            en: "Outcome",
            vi: "Kết quả",
            cs: "Výsledek")
        case .sheetCallbackAt: Translation(
            en: "Callback (callee's local time):",
            vi: "Gọi lại (giờ địa phương của khách):",
            cs: "Zavolat zpět (místní čas volaného):")
        case .sheetDate: Translation(
            en: "date",
            vi: "ngày",
            cs: "datum")
        case .sheetTime: Translation(
            en: "time",
            vi: "giờ",
            cs: "čas")
        case .sheetMe: Translation(
            en: "me",
            vi: "tôi",
            cs: "já")
        case .sheetAnyone: Translation(
            en: "anyone",
            vi: "bất kỳ ai",
            cs: "kdokoli")
        case .sheetOptOut: Translation(
            en: "Opt-out: never call this number",
            vi: "Từ chối: không bao giờ gọi lại số này",
            cs: "Odmítnutí: toto číslo už nikdy nevolat")
        case .sheetNoContacts: Translation(
            en: "No contacts to call.",
            vi: "Không có liên hệ nào cần gọi.",
            cs: "Žádné kontakty k volání.")
        case .windowCalleeHours: Translation(
            en: "callee hours {hours}",
            vi: "giờ được phép gọi khách {hours}",
            cs: "hodiny volaného {hours}")
        case .windowCampaignOpen: Translation(
            en: "campaign open {hours}",
            vi: "chiến dịch gọi {hours}",
            cs: "kampaň volá {hours}")
        case .windowNoDayLeft: Translation(
            en: "no calling day left",
            vi: "không còn ngày gọi nào",
            cs: "nezbývá žádný den volání")
        case .labelCalls: Translation(
            en: "calls",
            vi: "cuộc gọi",
            cs: "hovory")
        case .labelMachines: Translation(
            en: "machines",
            vi: "hộp thư",
            cs: "záznamníky")
        case .labelContacts: Translation(
            en: "contacts",
            vi: "liên hệ",
            cs: "kontakty")
        case .labelAgents: Translation(
            en: "agents",
            vi: "nhân viên",
            cs: "operátoři")
        case .labelSMS: Translation(
            en: "sms",
            vi: "tin nhắn",
            cs: "SMS")
        case .labelWebhooks: Translation(
            en: "webhooks",
            vi: "webhook",
            cs: "webhooky")
        case .labelReports: Translation(
            en: "reports",
            vi: "báo cáo",
            cs: "přehledy")
        case .simRead: Translation(
            en: "{campaign}: {contacts} contacts",
            vi: "{campaign}: {contacts} liên hệ",
            cs: "{campaign}: kontakty: {contacts}")
        case .simInvalid: Translation(
            en: "{count} invalid",
            vi: "{count} không hợp lệ",
            cs: "neplatné: {count}")
        case .simDuplicate: Translation(
            en: "{count} duplicate",
            vi: "{count} bị trùng",
            cs: "duplicitní: {count}")
        case .simDoNotCall: Translation(
            en: "{count} do-not-call",
            vi: "{count} không được gọi",
            cs: "nevolat: {count}")
        case .simFiltered: Translation(
            en: "{count} left out by the filter",
            vi: "{count} bị bộ lọc loại ra",
            cs: "vyřazeno filtrem: {count}")
        case .simRejected: Translation(
            en: "{count} rows rejected",
            vi: "{count} dòng bị loại",
            cs: "odmítnuté řádky: {count}")
        case .simRejectedOne: Translation(
            en: "1 row rejected",
            vi: "1 dòng bị loại",
            cs: "odmítnuté řádky: 1")
        case .simCallsSpan: Translation(
            en: "{count} calls from {first} to {last}",
            vi: "{count} cuộc gọi từ {first} đến {last}",
            cs: "hovory: {count}, od {first} do {last}")
        case .simNoCalls: Translation(
            en: "no calls placed",
            vi: "chưa có cuộc gọi nào",
            cs: "žádné hovory")
        case .simCalls: Translation(
            en: "answered {answered}, no answer {noAnswer}, busy {busy}, failed {failed}, abandoned {abandoned} ({rate} of answered)",
            vi: "trả lời {answered}, không bắt máy {noAnswer}, máy bận {busy}, lỗi {failed}, bị bỏ {abandoned} ({rate} số cuộc có người nghe)",
            cs: "přijato {answered}, nepřijato {noAnswer}, obsazeno {busy}, chyba {failed}, opuštěno {abandoned} ({rate} přijatých)")
        case .simMachines: Translation(
            en: "{machine} calls ended as machines; {reached} reached an agent, {none} found none; AMD took {persons} persons for machines",
            vi: "{machine} cuộc gặp hộp thư thoại; {reached} cuộc đến được nhân viên, {none} cuộc không gặp ai; bộ nhận diện nhầm {persons} người là máy",
            cs: "hovory se záznamníkem: {machine}; k operátorovi se dostalo {reached}, volného nenašlo {none}; rozpoznávání považovalo za záznamník lidí: {persons}")
        case .simMachinesOnePerson: Translation(
            en: "{machine} calls ended as machines; {reached} reached an agent, {none} found none; AMD took 1 person for machines",
            vi: "{machine} cuộc gặp hộp thư thoại; {reached} cuộc đến được nhân viên, {none} cuộc không gặp ai; bộ nhận diện nhầm 1 người là máy",
            cs: "hovory se záznamníkem: {machine}; k operátorovi se dostalo {reached}, volného nenašlo {none}; rozpoznávání považovalo za záznamník lidí: 1")
        case .simContacts: Translation(
            en: "completed {completed}, exhausted {exhausted}, invalid {invalid}, duplicate {duplicate}, do-not-call {dnc}",
            vi: "hoàn tất {completed}, đã gọi hết số lần {exhausted}, không hợp lệ {invalid}, bị trùng {duplicate}, không được gọi {dnc}",
            cs: "dokončeno {completed}, vyčerpáno {exhausted}, neplatné {invalid}, duplicitní {duplicate}, nevolat {dnc}")
        case .simPending: Translation(
            en: ", still pending {pending}",
            vi: ", còn chờ {pending}",
            cs: ", ještě čeká {pending}")
        case .simOccupancy: Translation(
            en: "occupancy {rate}",
            vi: "tỷ lệ bận {rate}",
            cs: "vytížení {rate}")
        case .deliverySentFailed: Translation(
            en: "sent {sent}, failed {failed}",
            vi: "đã gửi {sent}, lỗi {failed}",
            cs: "odesláno {sent}, selhalo {failed}")
        case .deliveryMaybe: Translation(
            en: ", maybe delivered {count}",
            vi: ", có thể đã gửi {count}",
            cs: ", možná doručeno {count}")
        case .deliverySkipped: Translation(
            en: ", skipped {count}",
            vi: ", bỏ qua {count}",
            cs: ", přeskočeno {count}")
        case .deliveryQueued: Translation(
            en: ", still queued {count}",
            vi: ", còn chờ gửi {count}",
            cs: ", ještě ve frontě {count}")
        case .runDialed: Translation(
            en: "dialed, {count} calls placed",
            vi: "đã gọi, thực hiện {count} cuộc gọi",
            cs: "voláno, uskutečněné hovory: {count}")
        case .runClosedUntil: Translation(
            en: "closed until {time}",
            vi: "ngoài giờ gọi, mở lại lúc {time}",
            cs: "mimo provoz do {time}")
        case .runDatesOver: Translation(
            en: "its dates are over",
            vi: "đã hết thời gian của chiến dịch",
            cs: "termín kampaně skončil")
        case .runPaused: Translation(
            en: "paused",
            vi: "tạm dừng",
            cs: "pozastaveno")
        case .runFinished: Translation(
            en: "finished",
            vi: "đã xong",
            cs: "dokončeno")
        case .runFailed: Translation(
            en: "failed: {message}",
            vi: "lỗi: {message}",
            cs: "selhalo: {message}")
        case .runTelephonyUnavailable: Translation(
            en: "could not dial, the telephony is unavailable: {message}",
            vi: "không gọi được, tổng đài không sẵn sàng: {message}",
            cs: "nelze volat, telefonie není dostupná: {message}")
        case .runReconciled: Translation(
            en: "; {count} calls left in flight by a stopped dialerd reconciled",
            vi: "; đã đối chiếu {count} cuộc gọi dở dang do dialerd bị dừng",
            cs: "; dořešené hovory rozpracované zastaveným dialerd: {count}")
        case .runCalls: Translation(
            en: "{attempts} (answered {answered}, no answer {noAnswer}, busy {busy}, failed {failed}, abandoned {abandoned}, unknown {unknown})",
            vi: "{attempts} (trả lời {answered}, không bắt máy {noAnswer}, máy bận {busy}, lỗi {failed}, bị bỏ {abandoned}, không rõ {unknown})",
            cs: "{attempts} (přijato {answered}, nepřijato {noAnswer}, obsazeno {busy}, chyba {failed}, opuštěno {abandoned}, neznámo {unknown})")
        case .runContacts: Translation(
            en: "{contacts} (completed {completed}, exhausted {exhausted}, invalid {invalid}, duplicate {duplicate}, do-not-call {dnc}, pending {pending})",
            vi: "{contacts} (hoàn tất {completed}, đã gọi hết số lần {exhausted}, không hợp lệ {invalid}, bị trùng {duplicate}, không được gọi {dnc}, còn chờ {pending})",
            cs: "{contacts} (dokončeno {completed}, vyčerpáno {exhausted}, neplatné {invalid}, duplicitní {duplicate}, nevolat {dnc}, čeká {pending})")
        case .webDeskTitle: Translation(
            en: "Agent desk",
            vi: "Bàn làm việc của nhân viên",
            cs: "Pracoviště operátora")
        case .webYouAre: Translation(
            en: "You are",
            vi: "Trạng thái của bạn:",
            cs: "Váš stav:")
        case .webStateLoggedOut: Translation(
            en: "logged out",
            vi: "đã đăng xuất",
            cs: "odhlášen")
        case .webStateReady: Translation(
            en: "ready",
            vi: "sẵn sàng",
            cs: "připraven")
        case .webStatePreviewing: Translation(
            en: "previewing",
            vi: "đang xem trước",
            cs: "prohlíží kontakt")
        case .webStateDialing: Translation(
            en: "dialing",
            vi: "đang quay số",
            cs: "vytáčí se")
        case .webStateOnCall: Translation(
            en: "on a call",
            vi: "đang gọi",
            cs: "v hovoru")
        case .webStateWrapUp: Translation(
            en: "wrap-up",
            vi: "đang hoàn tất cuộc gọi",
            cs: "dokončuje hovor")
        case .webStatePaused: Translation(
            en: "paused",
            vi: "tạm nghỉ",
            cs: "pauza")
        case .webStateBusy: Translation(
            en: "busy",
            vi: "bận",
            cs: "obsazen")
        case .webReady: Translation(
            en: "Ready",
            vi: "Sẵn sàng",
            cs: "Připraven")
        case .webPause: Translation(
            en: "Pause",
            vi: "Tạm nghỉ",
            cs: "Pauza")
        case .webLogOutOfCalls: Translation(
            en: "Log out of calls",
            vi: "Ngừng nhận cuộc gọi",
            cs: "Odhlásit z hovorů")
        case .webNote: Translation(
            en: "note",
            vi: "ghi chú",
            cs: "poznámka")
        case .webNoCall: Translation(
            en: "No call. Calls put through to you appear here.",
            vi: "Chưa có cuộc gọi. Cuộc gọi được chuyển đến bạn sẽ hiện ở đây.",
            cs: "Žádný hovor. Hovory přepojené na vás se zobrazí zde.")
        case .webYourContacts: Translation(
            en: "Your contacts",
            vi: "Khách hàng của bạn",
            cs: "Vaše kontakty")
        case .webNoContactAssigned: Translation(
            en: "No contact is assigned to you.",
            vi: "Bạn chưa được giao khách hàng nào.",
            cs: "Nemáte přidělený žádný kontakt.")
        case .webNoCampaign: Translation(
            en: "No campaign has you in its team.",
            vi: "Bạn chưa thuộc đội của chiến dịch nào.",
            cs: "Nejste v týmu žádné kampaně.")
        case .webColumnName: Translation(
            en: "name",
            vi: "họ tên",
            cs: "jméno")
        case .webColumnNumber: Translation(
            en: "number",
            vi: "số điện thoại",
            cs: "číslo")
        case .webColumnNextAllowed: Translation(
            en: "next allowed (their time)",
            vi: "gọi được từ (giờ của khách)",
            cs: "volat lze od (jejich čas)")
        case .webColumnCallback: Translation(
            en: "callback",
            vi: "gọi lại",
            cs: "zpětné volání")
        case .webColumnCalls: Translation(
            en: "calls",
            vi: "số cuộc gọi",
            cs: "hovory")
        case .webLocalTime: Translation(
            en: "Local time",
            vi: "Giờ địa phương",
            cs: "Místní čas")
        case .webScript: Translation(
            en: "Script",
            vi: "Kịch bản",
            cs: "Scénář")
        case .webEarlierCalls: Translation(
            en: "Earlier calls",
            vi: "Các cuộc gọi trước",
            cs: "Předchozí hovory")
        case .webNone: Translation(
            en: "None.",
            vi: "Chưa có.",
            cs: "Žádné.")
        case .webOutcome: Translation(
            en: "Outcome",
            vi: "Kết quả",
            cs: "Výsledek")
        case .webSurvey: Translation(
            en: "Survey",
            vi: "Khảo sát",
            cs: "Dotazník")
        case .webCallback: Translation(
            en: "Callback",
            vi: "Gọi lại",
            cs: "Zpětné volání")
        case .webCallbackWhen: Translation(
            en: "When (the customer's time, {zone})",
            vi: "Khi nào (giờ của khách, {zone})",
            cs: "Kdy (čas zákazníka, {zone})")
        case .webCallbackNone: Translation(
            en: "none",
            vi: "không",
            cs: "žádné")
        case .webCallbackMine: Translation(
            en: "I take the callback myself",
            vi: "Tôi sẽ tự gọi lại",
            cs: "Zavolám zpět sám")
        case .webOptOut: Translation(
            en: "Do not call again (the contact opts out)",
            vi: "Không gọi lại nữa (khách từ chối nhận cuộc gọi)",
            cs: "Už nevolat (kontakt si nepřeje být volán)")
        case .webSave: Translation(
            en: "Save",
            vi: "Lưu",
            cs: "Uložit")
        case .webSaveReady: Translation(
            en: "Save and ready",
            vi: "Lưu và sẵn sàng",
            cs: "Uložit a připraven")
        case .webCallNow: Translation(
            en: "Call now",
            vi: "Gọi ngay",
            cs: "Volat nyní")
        case .webSkipReason: Translation(
            en: "Reason to skip",
            vi: "Lý do bỏ qua",
            cs: "Důvod přeskočení")
        case .webSkip: Translation(
            en: "Skip",
            vi: "Bỏ qua",
            cs: "Přeskočit")
        case .webCallEnded: Translation(
            en: "The call ended ({outcome}). Record it, then say Ready.",
            vi: "Cuộc gọi đã kết thúc ({outcome}). Hãy ghi kết quả rồi bấm Sẵn sàng.",
            cs: "Hovor skončil ({outcome}). Zapište výsledek a pak zvolte Připraven.")
        case .webSaved: Translation(
            en: "Saved.",
            vi: "Đã lưu.",
            cs: "Uloženo.")
        case .webFor: Translation(
            en: "for",
            vi: "trong",
            cs: "po dobu")
        case .webWallboardTitle: Translation(
            en: "Wallboard",
            vi: "Bảng theo dõi",
            cs: "Přehled provozu")
        case .webNoTeamCampaign: Translation(
            en: "No campaign of your teams is in the database.",
            vi: "Chưa có chiến dịch nào của đội bạn.",
            cs: "V databázi není žádná kampaň vašich týmů.")
        case .webCampaignDialing: Translation(
            en: "dialing",
            vi: "đang gọi",
            cs: "volá se")
        case .webCampaignPaused: Translation(
            en: "paused",
            vi: "tạm dừng",
            cs: "pozastaveno")
        case .webCampaignClosed: Translation(
            en: "closed",
            vi: "ngoài giờ gọi",
            cs: "mimo provozní dobu")
        case .webRinging: Translation(
            en: "Ringing",
            vi: "Đang đổ chuông",
            cs: "Vyzvání")
        case .webWaiting: Translation(
            en: "Waiting for an agent",
            vi: "Đang chờ nhân viên",
            cs: "Čeká na operátora")
        case .webConnected: Translation(
            en: "Connected",
            vi: "Đang nói chuyện",
            cs: "Spojeno")
        case .webAgentsLoggedIn: Translation(
            en: "Agents logged in",
            vi: "Nhân viên đăng nhập",
            cs: "Přihlášení operátoři")
        case .webAgentsReady: Translation(
            en: "Ready",
            vi: "Sẵn sàng",
            cs: "Připraveni")
        case .webDialLevel: Translation(
            en: "Dial level",
            vi: "Mức quay số",
            cs: "Úroveň vytáčení")
        case .webAbandoned: Translation(
            en: "Abandoned",
            vi: "Bỏ cuộc gọi",
            cs: "Opuštěné")
        case .webAbandonExplained: Translation(
            en: "of answered persons who found no agent within {seconds} s, over {window}; the cap is {cap}",
            vi: "trên số người nghe máy mà không gặp được nhân viên trong {seconds} giây, tính trong {window}; giới hạn là {cap}",
            cs: "přijatých hovorů, kde se člověk do {seconds} s nedočkal operátora, za {window}; limit je {cap}")
        case .webWindowPeriod: Translation(
            en: "the current period of {days} days",
            vi: "chu kỳ {days} ngày hiện tại",
            cs: "aktuální období (dní: {days})")
        case .webWindowWhole: Translation(
            en: "the campaign so far",
            vi: "toàn bộ chiến dịch đến nay",
            cs: "celou dosavadní kampaň")
        case .webProgress: Translation(
            en: "Progress: {done} of {contacts} contacts done, {due} due now, {calls} calls in flight.",
            vi: "Tiến độ: đã xong {done}/{contacts} khách hàng, {due} cần gọi ngay, {calls} cuộc gọi đang diễn ra.",
            cs: "Průběh: hotovo {done} z {contacts} kontaktů, nyní k volání {due}, probíhající hovory: {calls}.")
        case .webNotDialed: Translation(
            en: "Not dialed now: {reasons}",
            vi: "Chưa gọi lúc này: {reasons}",
            cs: "Nyní se nevolá: {reasons}")
        case .webQueues: Translation(
            en: "Text messages: {sms}. Webhooks: {webhooks}.",
            vi: "Tin nhắn SMS: {sms}. Webhook: {webhooks}.",
            cs: "SMS zprávy: {sms}. Webhooky: {webhooks}.")
        case .webQueueCounts: Translation(
            en: "{waiting} waiting, {sent} sent, {failed} failed",
            vi: "{waiting} đang chờ, {sent} đã gửi, {failed} lỗi",
            cs: "čeká {waiting}, odesláno {sent}, selhalo {failed}")
        case .webNothing: Translation(
            en: "none",
            vi: "không có",
            cs: "nic")
        case .webColumnAgent: Translation(
            en: "agent",
            vi: "nhân viên",
            cs: "operátor")
        case .webColumnState: Translation(
            en: "state",
            vi: "trạng thái",
            cs: "stav")
        case .webColumnFor: Translation(
            en: "for",
            vi: "thời gian",
            cs: "po dobu")
        case .webPauseCampaign: Translation(
            en: "Pause the campaign",
            vi: "Tạm dừng chiến dịch",
            cs: "Pozastavit kampaň")
        case .webResumeCampaign: Translation(
            en: "Resume the campaign",
            vi: "Tiếp tục chiến dịch",
            cs: "Obnovit kampaň")
        case .webReassignFrom: Translation(
            en: "Give the contacts of",
            vi: "Chuyển khách hàng của",
            cs: "Předat kontakty operátora")
        case .webReassignTo: Translation(
            en: "to",
            vi: "cho",
            cs: "komu")
        case .webReassignOthers: Translation(
            en: "the others",
            vi: "những người còn lại",
            cs: "ostatním")
        case .webReassign: Translation(
            en: "Reassign",
            vi: "Chuyển giao",
            cs: "Přeřadit")
        case .webReport: Translation(
            en: "Report",
            vi: "Báo cáo",
            cs: "Přehled")
        }
    }
}
