using Meetup.Data.Entities;

namespace Meetup.Web.Features.Demo;

/// <summary>
/// The story the demo data tells (the community this product is built for): a Tokyo cloud-native study group that began on a
/// Sunday in July 2018, found its core of 13 on a weekday evening, turned bilingual when Japanese
/// engineers came, invited guest speakers, paused for the pandemic in 2020 and came back online,
/// then hybrid. Only data lives here; <see cref="DemoSeeder"/> turns it into rows.
/// </summary>
internal static class DemoCommunity
{
    public const string EventName = "Cloud Native Study Group Tokyo";
    public const string TimeZoneId = "Asia/Tokyo";
    public const int DefaultCapacity = 40;
    public const int CadenceWeeks = 2;
    public const string OnlineUrl = "https://meet.example.com/cloud-native-study-group-tokyo";

    // Online rooms are not the limit a borrowed meeting room is, but a cap keeps RSVPs meaningful.
    public const int OnlineCapacity = 100;
    public const int HybridOnlineSeats = 32;

    // Sundays were the experiment; weekday evenings after work became the norm.
    public static readonly TimeOnly SundayStart = new(14, 0);
    public static readonly TimeOnly WeekdayStart = new(19, 30);

    /// <summary>The story says Japanese engineers first came to the fourth session.</summary>
    public static readonly DateOnly FirstJapaneseVisit = new(2018, 8, 22);

    public static readonly DateOnly Founded = new(2018, 7, 1);

    public const string Description = """
        A study group for engineers in Tokyo who want to *understand* Kubernetes and the cloud-native
        ecosystem, not just use it. We meet every two weeks, usually on a weekday evening at 19:30 in a
        borrowed company meeting room, sometimes on a Sunday afternoon, and online or hybrid since 2020.

        **How a session works.** Two weeks is long enough to forget, so the first 50 minutes review the
        last session and the second 50 minutes build on it. Now and then engineers from companies such
        as PingCAP, JD and the Kata Containers project join us for a guest talk.

        **Languages.** Sessions alternate between Chinese and Japanese; slides are in English, and
        questions are welcome in any of the three.

        - 中文：面向在日华人工程师的云原生学习会，每两周一次，欢迎新朋友！
        - 日本語：クラウドネイティブ技術を中国語と日本語で学ぶ勉強会です。初めての方も大歓迎です。

        Started in July 2018 as an in-house Kubernetes study session of about 14 colleagues; open to
        everyone since the second session. Join the chat group for announcements and discussion.
        """;

    public static readonly Room Fuji = new(
        "Kumo Systems K.K., Meeting Room \"Fuji\" (7F)",
        "Kumo Building 7F, 2-11-3 Shibaura, Minato-ku, Tokyo 108-0023", 40);

    public static readonly Room Asama = new(
        "Kumo Systems K.K., Meeting Room \"Asama\" (5F)",
        "Kumo Building 5F, 2-11-3 Shibaura, Minato-ku, Tokyo 108-0023", 20);

    public static readonly Room TsubameSeminarRoom = new(
        "Tsubame Networks K.K., Seminar Room (12F)",
        "Hikari Tower 12F, 1-8-20 Nishi-Shinjuku, Shinjuku-ku, Tokyo 160-0023", 30);

    public static readonly IReadOnlyList<string> Zh = ["zh"];
    public static readonly IReadOnlyList<string> Ja = ["ja"];
    public static readonly IReadOnlyList<string> JaZh = ["ja", "zh"];

    public const string Organizer = "lin";

    /// <summary>The organizer's personal line in the at-risk invitation the demo sent before a recent session.</summary>
    public const string InvitationMessage = "お久しぶりです！次回はハンズオン中心です。また会えるとうれしいです。 / 好久不见！下次以动手实践为主，期待再见到你。";

    public static readonly IReadOnlyList<SpeakerProfile> Speakers =
    [
        new("lin", "林 浩 (Lin Hao)", "Kumo Systems K.K.", "Platform engineer; organizer of this study group",
            "Started the group in 2018 as an in-house Kubernetes study session. Runs the platform team at "
            + "Kumo Systems and teaches in Chinese and Japanese, alternately.",
            ["https://example.com/lin-hao", "https://slides.example.com/lin-hao"]),
        new("chen", "陈 晓东 (Chen Xiaodong)", "Kumo Systems K.K.", "Site reliability engineer",
            "One of the thirteen who came to the second session and then to almost every one after it.",
            ["https://example.com/chen-xiaodong"]),
        new("nakamura", "中村 大輔 (Nakamura Daisuke)", "Tsubame Networks K.K.", "SRE lead",
            "Operates Envoy at the edge of a large consumer network; hosted our first company exchange visit.",
            ["https://example.com/nakamura-daisuke", "https://blog.example.com/nakamura"]),
        new("carter", "Emily Carter", "Carter Cloud Consulting", "Cloud consultant",
            "Helps small teams in Tokyo move to containers; has shipped Traefik to more startups than she can count.",
            ["https://example.com/emily-carter"]),
        new("kobayashi", "小林 翼 (Kobayashi Tsubasa)", "F5 Networks", "Solutions engineer, NGINX",
            "Works with customers running NGINX Plus as an ingress controller.",
            ["https://example.com/kobayashi-tsubasa"]),
        new("sun", "孙 嘉明 (Sun Jiaming)", "PingCAP", "TiDB engineer",
            "Works on TiDB's SQL layer and on running TiDB on Kubernetes.",
            ["https://example.com/sun-jiaming", "https://slides.example.com/sun-jiaming"]),
        new("wu", "吴 思远 (Wu Siyuan)", "PingCAP", "TiKV engineer",
            "Writes Rust for TiKV's storage engine and its Raft implementation.",
            ["https://example.com/wu-siyuan"]),
        new("sato", "佐藤 健太 (Sato Kenta)", "Hinode Pay Inc.", "Infrastructure engineer",
            "Runs monitoring for a payments platform; Prometheus since version 1.",
            ["https://example.com/sato-kenta"]),
        new("zhou", "周 凯 (Zhou Kai)", "Intel", "Software engineer, Kata Containers",
            "Contributes to the Kata Containers runtime and its CRI integration.",
            ["https://example.com/zhou-kai"]),
        new("zheng", "郑 宇航 (Zheng Yuhang)", "JD.com", "Blockchain engineer, JD Chain",
            "Builds and operates JD's blockchain platform on Kubernetes.",
            ["https://example.com/zheng-yuhang"]),
        new("yamamoto", "山本 彩 (Yamamoto Aya)", "Nami Data K.K.", "Network engineer",
            "Replaced iptables with eBPF in production and lived to tell the tale.",
            ["https://example.com/yamamoto-aya", "https://blog.example.com/yamamoto"]),
    ];

    /// <summary>Held sessions (and the one the pandemic cancelled), oldest first.</summary>
    public static readonly IReadOnlyList<SessionPlan> History =
    [
        // The first public session: a Sunday, "who uses Kubernetes and why" + technology.
        InPerson(2018, 7, 15, "Kubernetes 入門 #1", Zh, visitors: 18,
            Talk("Who uses Kubernetes, and why"),
            Talk("Containers, Pods and the control plane")),
        // The weekday-evening experiment: only the 13 who became the core.
        InPerson(2018, 7, 25, "Kubernetes 入門 #2", Zh, visitors: 0,
            Review(), Talk("Deployments and ReplicaSets")),
        InPerson(2018, 8, 8, "Kubernetes 入門 #3", Zh, visitors: 1,
            Review(), Talk("Services, DNS and kube-proxy")),
        // "Nearly everyone came back, plus two Japanese engineers."
        InPerson(2018, 8, 22, "Kubernetes 入門 #4", Zh, visitors: 1,
            Review(), Talk("ConfigMaps, Secrets and Volumes")) with { EveryRegularCame = true },
        InPerson(2018, 9, 5, "Kubernetes 入門 #5: Helm", JaZh, visitors: 1,
            Review(), Talk("Packaging applications with Helm")),
        InPerson(2018, 9, 16, "Ingress study: Envoy, Kong, Traefik, NGINX Plus", JaZh, visitors: 6,
            Talk("Envoy as an ingress", 30, "nakamura"),
            Talk("Kong: an API gateway on Kubernetes", 30, "chen"),
            Talk("Traefik: ingress with zero configuration", 30, "carter"),
            Talk("NGINX Plus Ingress Controller", 30, "kobayashi")),
        InPerson(2018, 10, 3, "Service Mesh with Istio", JaZh, visitors: 1,
            Review("Review of last session: four ingress controllers side by side"),
            Talk("Istio: sidecars, Pilot and Mixer")),
        // A small room and a famous guest: the first waitlist.
        InPerson(2018, 10, 17, "TiDB と Rust (guest talk)", Zh, visitors: 12,
            Talk("TiDB: distributed SQL that runs on Kubernetes", 50, "sun"),
            Talk("Why TiKV is written in Rust", 40, "wu"),
            Qa(15)) with { Room = Asama },
        InPerson(2018, 10, 31, "Prometheus と監視入門", Ja, visitors: 2,
            Review("Review of last session: Istio, and what TiDB taught us"),
            Talk("Prometheus, exporters and Alertmanager", 50, "sato")),
        InPerson(2018, 11, 14, "Kata Containers deep dive", Zh, visitors: 4,
            Review(minutes: 30),
            Talk("Kata Containers: lightweight VMs behind the CRI", 50, "zhou"),
            Qa(20)),
        InPerson(2018, 11, 28, "Operators and Custom Resources", JaZh, visitors: 1,
            Review(), Talk("Writing an Operator with Kubebuilder")),
        InPerson(2018, 12, 12, "Year-end lightning talks 2018", JaZh, visitors: 2,
            Review("2018 in review: eleven sessions in thirty minutes", 30),
            Lightning("My CKA exam, honestly", "chen"),
            Lightning("Traefik at a ten-person startup", "carter"),
            Break("Bōnenkai: snacks and drinks", 40)),
        InPerson(2019, 1, 16, "Blockchain on Kubernetes: JD Chain (guest talk)", Zh, visitors: 5,
            Review("New year review: Operators", 20),
            Talk("Running JD Chain nodes on Kubernetes", 60, "zheng"),
            Qa(20)),
        InPerson(2019, 2, 17, "Hands-on: a cluster from scratch with kubeadm", JaZh, visitors: 4,
            Talk("From kubeadm init to a working control plane"),
            Break("Coffee break", 10),
            Talk("Hands-on: join nodes, install a CNI, deploy an app", 60)),
        // The company-to-company exchange visit, in the host's seminar room.
        InPerson(2019, 3, 13, "Exchange visit: Envoy in production at Tsubame Networks", Ja, visitors: 3,
            Talk("Envoy in production: two years of lessons", 50, "nakamura"),
            Talk("Our platform, your platform: a comparison", 30),
            Qa(20)) with { Room = TsubameSeminarRoom },
        InPerson(2019, 5, 22, "TiKV internals: Raft and Multi-Raft (guest talk)", Zh, visitors: 4,
            Review("Review: TiDB's architecture, from our October session", 30),
            Talk("Raft and Multi-Raft in TiKV", 50, "wu"),
            Qa(20)),
        InPerson(2019, 6, 19, "Kubernetes security: RBAC and admission control", JaZh, visitors: 1,
            Review(), Talk("RBAC, PodSecurityPolicy and admission webhooks")),
        InPerson(2019, 7, 14, "First anniversary: lightning talks", JaZh, visitors: 4,
            Talk("One year of this study group: who came back, and why", 30),
            Lightning("From Docker Compose to Kubernetes in a month", "chen"),
            Lightning("eBPF in ten minutes", "yamamoto"),
            Break("Anniversary party", 50)),
        InPerson(2019, 9, 11, "eBPF と Cilium", Ja, visitors: 2,
            Review("Review: RBAC and admission control"),
            Talk("eBPF and Cilium: networking without iptables", 50, "yamamoto")),
        InPerson(2019, 10, 22, "Kubernetes scheduler deep dive", JaZh, visitors: 1,
            Review(), Talk("How the scheduler picks a node")),
        InPerson(2020, 1, 22, "Observability with OpenTelemetry", JaZh, visitors: 1,
            Review(), Talk("Traces, metrics and logs with OpenTelemetry")),
        InPerson(2020, 2, 26, "Kubernetes storage: CSI", JaZh, visitors: 0,
            Review(), Talk("CSI drivers and dynamic provisioning")) with
        {
            CancelReason = "The company meeting rooms are closed because of COVID-19, so this session is cancelled. "
                + "We will pause for now and keep the discussion going in the chat group. "
                + "会議室が閉鎖されたため中止します。/ 由于会议室关闭，本次学习会取消。",
        },
        // Half a year later, online.
        Online(2020, 10, 14, "Back online: catching up with Kubernetes 1.19", JaZh, visitors: 4,
            Review("What happened while we were away", 30),
            Talk("Kubernetes 1.16 to 1.19: what changed"),
            Qa(20)),
        Online(2020, 11, 11, "Service Mesh revisited: Istio vs Linkerd", Zh, visitors: 2,
            Review(), Talk("Istio 1.7 and Linkerd 2.9 side by side")),
        Online(2020, 12, 9, "Rust for cloud-native tools (guest talk)", Zh, visitors: 5,
            Review(minutes: 20),
            Talk("Writing Kubernetes controllers in Rust", 60, "wu"),
            Qa(20)),
        // Back in a (smaller) room, with the stream for those who stay home.
        Hybrid(2021, 4, 15, "Hybrid restart: Kubernetes storage and CSI", JaZh, visitors: 2,
            Review("Review: where we stopped in February 2020", 30),
            Talk("CSI drivers and dynamic provisioning"),
            Qa(20)),
        Hybrid(2021, 6, 17, "GitOps with Argo CD and Flux", JaZh, visitors: 1,
            Review(), Talk("GitOps with Argo CD and Flux v2")),
        Hybrid(2021, 10, 13, "Kubernetes 入門 2021: for new members", JaZh, visitors: 3,
            Talk("Kubernetes in fifty minutes"),
            Talk("Hands-on: your first Deployment")),
    ];

    /// <summary>The next session; its date is computed from "now" by the seeder.</summary>
    public static readonly UpcomingPlan Upcoming = new(
        "TiDB on Kubernetes, revisited (guest talk)", JaZh, Fuji,
        "Jiaming from PingCAP is back, five years after his first visit, to show how TiDB Operator runs "
        + "distributed SQL on Kubernetes today. 前回の復習の後、ゲストトークと質疑応答です。",
        [
            Review("Catching up: what the group has been doing", 20),
            Talk("TiDB Operator: distributed SQL on Kubernetes", 50, "sun"),
            Qa(20),
        ]);

    /// <summary>How many people of each kind come, and how faithfully (see <see cref="Cohort"/>).</summary>
    public static readonly IReadOnlyList<Cohort> Cohorts =
    [
        new("core", 11, Origin.Chinese, new(2018, 7, 25), new(2018, 7, 25), 48, 48, 0.95),
        new("core, left Japan in 2020", 2, Origin.Chinese, new(2018, 7, 25), new(2018, 7, 25), 18, 18, 0.95),
        new("first Japanese engineers", 2, Origin.Japanese, new(2018, 8, 22), new(2018, 8, 22), 48, 48, 0.85),
        new("Japanese engineers", 12, Origin.Japanese, new(2018, 9, 5), new(2019, 9, 30), 6, 30, 0.5),
        new("occasional", 14, Origin.Any, new(2018, 8, 8), new(2019, 10, 31), 3, 24, 0.35),
        new("Sunday crowd, back later", 4, Origin.Chinese, new(2018, 7, 15), new(2018, 7, 15), 0, 0, 0.8, ComesBack: true),
        new("drifted away and came back", 8, Origin.Any, new(2018, 8, 8), new(2019, 6, 30), 1, 3, 0.8, ComesBack: true),
        new("online newcomers", 10, Origin.Any, new(2020, 10, 14), new(2020, 12, 9), 6, 18, 0.6),
    ];

    private static SessionPlan InPerson(int year, int month, int day, string title, IReadOnlyList<string> languages,
        int visitors, params AgendaPlan[] agenda)
        => new(new DateOnly(year, month, day), SessionFormat.InPerson, title, languages, Fuji, visitors, agenda);

    private static SessionPlan Online(int year, int month, int day, string title, IReadOnlyList<string> languages,
        int visitors, params AgendaPlan[] agenda)
        => new(new DateOnly(year, month, day), SessionFormat.Online, title, languages, null, visitors, agenda);

    private static SessionPlan Hybrid(int year, int month, int day, string title, IReadOnlyList<string> languages,
        int visitors, params AgendaPlan[] agenda)
        => new(new DateOnly(year, month, day), SessionFormat.Hybrid, title, languages, Asama, visitors, agenda);

    /// <summary>A review of the previous session; without a title it is named after that session's first talk.</summary>
    private static AgendaPlan Review(string? title = null, int minutes = 50)
        => new(AgendaItemKind.Review, title, minutes, [Organizer]);

    /// <summary>A talk; without speakers it is the organizer's.</summary>
    private static AgendaPlan Talk(string title, int minutes = 50, params string[] speakers)
        => new(AgendaItemKind.Talk, title, minutes, speakers.Length == 0 ? [Organizer] : speakers);

    private static AgendaPlan Lightning(string title, string speaker)
        => new(AgendaItemKind.Lightning, title, 10, [speaker]);

    private static AgendaPlan Qa(int minutes) => new(AgendaItemKind.Qa, "Q&A", minutes, []);

    private static AgendaPlan Break(string title, int minutes) => new(AgendaItemKind.Break, title, minutes, []);
}
