"""Invented demo content for Pressreview.

Everything here is fiction: the outlets, the people, their organisations and the stories are
made up for demonstration and testing (real countries, cities and some universities appear only
as scenery). Nothing is copied from real articles.

Pure data, no Django imports. Conventions:

- ``STORIES[i]["paragraphs"]`` may contain ``{expert0}`` and ``{expert1}`` placeholders. Each is
  meant to be replaced by "<name>, <position> at <organisation>," and is always followed by a verb,
  e.g. "{expert0} told the paper that ...". ``{expertN}`` refers to ``STORIES[i]["experts"][N]``
  (an expert slug) and ``STORIES[i]["quotes"][N]`` is that expert's direct quote.
- Stories carry no outlet and no date: the loader assigns them. They are listed in rough
  chronological order over about two months, the three sections interleaved.
- ``LEDE_TEMPLATES`` take ``{outlets}`` (e.g. "Diário da Ribeira, Gazeta Wiślana and The Liffey
  Courier") and ``{topics}`` (a lower-case phrase listing the stories' topics).
"""

SECTIONS = [
    {
        "name": "Politics",
        "slug": "politics",
        "description": (
            "Governments, parliaments, parties and courts, as the morning papers covered them."
        ),
    },
    {
        "name": "Business",
        "slug": "business",
        "description": (
            "The economy, markets, companies, labour disputes and trade, outlet by outlet."
        ),
    },
    {
        "name": "World",
        "slug": "world",
        "description": (
            "Foreign affairs, the European Union and events beyond the borders of the countries "
            "reviewed."
        ),
    },
]

OUTLETS = [
    {
        "name": "Diário da Ribeira",
        "slug": "diario-da-ribeira",
        "country": "Portugal",
        "language": "Portuguese",
        "website": "https://www.diario-da-ribeira.example",
        "description": (
            "Porto's oldest general-interest daily, strong on northern industry, the port of "
            "Leixões and regional politics."
        ),
    },
    {
        "name": "Gazeta Económica",
        "slug": "gazeta-economica",
        "country": "Portugal",
        "language": "Portuguese",
        "website": "https://www.gazeta-economica.example",
        "description": (
            "A Lisbon business daily read in boardrooms and ministries, known for its coverage of "
            "banking and the public finances."
        ),
    },
    {
        "name": "El Heraldo Meridiano",
        "slug": "el-heraldo-meridiano",
        "country": "Spain",
        "language": "Spanish",
        "website": "https://www.el-heraldo-meridiano.example",
        "description": (
            "A Madrid-based national daily with a centrist editorial line and a large network of "
            "regional correspondents."
        ),
    },
    {
        "name": "La Gaceta del Levante",
        "slug": "la-gaceta-del-levante",
        "country": "Spain",
        "language": "Spanish",
        "website": "https://www.la-gaceta-del-levante.example",
        "description": (
            "A Valencia regional daily that follows the Mediterranean ports, farming and tourism "
            "closely. Its Sunday supplement is widely read across the east of Spain."
        ),
    },
    {
        "name": "Berliner Morgenblatt",
        "slug": "berliner-morgenblatt",
        "country": "Germany",
        "language": "German",
        "website": "https://www.berliner-morgenblatt.example",
        "description": (
            "A Berlin morning paper with a liberal outlook, known for its parliamentary reporting "
            "and long weekend interviews."
        ),
    },
    {
        "name": "Frankfurter Handelsbote",
        "slug": "frankfurter-handelsbote",
        "country": "Germany",
        "language": "German",
        "website": "https://www.frankfurter-handelsbote.example",
        "description": (
            "A financial daily from Frankfurt covering markets, banks and German industry."
        ),
    },
    {
        "name": "Gazeta Wiślana",
        "slug": "gazeta-wislana",
        "country": "Poland",
        "language": "Polish",
        "website": "https://www.gazeta-wislana.example",
        "description": (
            "A Warsaw daily with a strong investigative desk and extensive coverage of the courts "
            "and of farming."
        ),
    },
    {
        "name": "The Liffey Courier",
        "slug": "the-liffey-courier",
        "country": "Ireland",
        "language": "English",
        "website": "https://www.the-liffey-courier.example",
        "description": (
            "A Dublin broadsheet covering Irish politics, housing and the technology sector. It "
            "publishes a weekly business supplement on Mondays."
        ),
    },
    {
        "name": "Le Quotidien de l'Escaut",
        "slug": "le-quotidien-de-l-escaut",
        "country": "Belgium",
        "language": "French",
        "website": "https://www.le-quotidien-de-l-escaut.example",
        "description": (
            "A Brussels-based French-language daily with a strong focus on the European "
            "institutions and Belgian federal politics."
        ),
    },
]

EXPERTS = [
    {
        "name": "Ana Ribeiro",
        "slug": "ana-ribeiro",
        "position": "senior economist",
        "organisation": "Instituto de Finanças de Lisboa",
        "bio": (
            "A former finance ministry economist who follows inflation, wages and monetary policy."
        ),
    },
    {
        "name": "Miguel Tavares Cordeiro",
        "slug": "miguel-tavares-cordeiro",
        "position": "professor of constitutional law",
        "organisation": "Universidade de Coimbra",
        "bio": (
            "A constitutional lawyer who has advised two parliamentary committees on electoral and "
            "procurement law."
        ),
    },
    {
        "name": "Joana Figueiredo",
        "slug": "joana-figueiredo",
        "position": "senior researcher",
        "organisation": "Centro de Estudos Políticos do Porto",
        "bio": (
            "A political scientist who studies coalition governments and party competition in "
            "southern Europe."
        ),
    },
    {
        "name": "Rui Mendonça",
        "slug": "rui-mendonca",
        "position": "general secretary",
        "organisation": "Sindicato dos Estivadores do Norte",
        "bio": (
            "A crane operator at Leixões for twenty years before being elected to lead the "
            "northern dockworkers' union."
        ),
    },
    {
        "name": "Teresa Valente",
        "slug": "teresa-valente",
        "position": "president",
        "organisation": "Associação de Operadores Portuários Atlânticos",
        "bio": (
            "A logistics executive who ran container terminals in Sines and Rotterdam before "
            "heading the operators' association."
        ),
    },
    {
        "name": "Nuno Barroso Lima",
        "slug": "nuno-barroso-lima",
        "position": "chairman",
        "organisation": "Federação de Regantes do Alentejo",
        "bio": (
            "An agronomist and olive grower from Beja who represents the farmers irrigating from "
            "the Alentejo's reservoirs."
        ),
    },
    {
        "name": "Catarina Sousa Reis",
        "slug": "catarina-sousa-reis",
        "position": "head of research",
        "organisation": "Observatório Lisboa Habitação",
        "bio": (
            "An urban economist who tracks rents, mortgages and short-term lets in the Lisbon area."
        ),
    },
    {
        "name": "Paulo Antunes",
        "slug": "paulo-antunes",
        "position": "chief economist",
        "organisation": "Banco Atlântico Norte",
        "bio": "A banking economist who writes a monthly note on Portuguese household credit.",
    },
    {
        "name": "Inês Carvalhal",
        "slug": "ines-carvalhal",
        "position": "director",
        "organisation": "Instituto de Política de Saúde",
        "bio": (
            "A former hospital administrator who now researches staffing and waiting lists in the "
            "national health service."
        ),
    },
    {
        "name": "Henrique Matos Pereira",
        "slug": "henrique-matos-pereira",
        "position": "professor of transport engineering",
        "organisation": "Universidade do Porto",
        "bio": "A civil engineer who has worked on rail projects in Portugal, Spain and Brazil.",
    },
    {
        "name": "Sofia Quintela",
        "slug": "sofia-quintela",
        "position": "tourism economist",
        "organisation": "Observatório do Turismo do Algarve",
        "bio": (
            "An economist who studies seasonal employment and the impact of tourism on coastal "
            "towns."
        ),
    },
    {
        "name": "Duarte Nogueira",
        "slug": "duarte-nogueira",
        "position": "senior fellow",
        "organisation": "Fórum Atlântico de Políticas Públicas",
        "bio": (
            "A former budget director at the finance ministry who now comments on public finances "
            "and public works."
        ),
    },
    {
        "name": "Lucía Navarro Etxeberria",
        "slug": "lucia-navarro-etxeberria",
        "position": "professor of political science",
        "organisation": "Universidad Complutense de Madrid",
        "bio": (
            "A political scientist specialising in Spain's regions and the relations between "
            "Madrid and regional governments."
        ),
    },
    {
        "name": "Javier Ortega Salvat",
        "slug": "javier-ortega-salvat",
        "position": "chief economist",
        "organisation": "Fundación Meridiano",
        "bio": (
            "A macroeconomist who spent a decade at an international financial institution before "
            "returning to Madrid."
        ),
    },
    {
        "name": "Marta Ibáñez Roca",
        "slug": "marta-ibanez-roca",
        "position": "spokeswoman",
        "organisation": "Federación Centro de Inquilinos",
        "bio": (
            "A social worker who co-founded a tenants' federation after being evicted from her own "
            "flat in Lavapiés."
        ),
    },
    {
        "name": "Álvaro Cienfuegos Prat",
        "slug": "alvaro-cienfuegos-prat",
        "position": "president",
        "organisation": "Unión de Olivareros del Guadalquivir",
        "bio": (
            "A third-generation olive grower from Jaén who leads the largest association of small "
            "producers in Andalusia."
        ),
    },
    {
        "name": "Elena Marín Soto",
        "slug": "elena-marin-soto",
        "position": "senior hydrologist",
        "organisation": "Centro de Estudios del Agua del Ebro",
        "bio": (
            "A hydrologist who models river flows and reservoir levels across the Iberian "
            "Peninsula."
        ),
    },
    {
        "name": "Sergio Llorente Vidal",
        "slug": "sergio-llorente-vidal",
        "position": "director general",
        "organisation": "Consejo de Cargadores de Valencia",
        "bio": (
            "A logistics manager who represents the exporters shipping through the port of "
            "Valencia."
        ),
    },
    {
        "name": "Carmen Aguirre Bastida",
        "slug": "carmen-aguirre-bastida",
        "position": "migration researcher",
        "organisation": "Instituto de Estudios Mediterráneos",
        "bio": (
            "A researcher who has studied migration routes between West Africa and Spain for "
            "fifteen years."
        ),
    },
    {
        "name": "Pablo Herranz Quiles",
        "slug": "pablo-herranz-quiles",
        "position": "energy analyst",
        "organisation": "Observatorio Ibérico de la Energía",
        "bio": (
            "An electrical engineer who follows power prices, renewables and interconnections on "
            "the Iberian grid."
        ),
    },
    {
        "name": "Nerea Goikoetxea Urrutia",
        "slug": "nerea-goikoetxea-urrutia",
        "position": "labour law partner",
        "organisation": "Goikoetxea Urrutia Abogados",
        "bio": (
            "A Bilbao labour lawyer who advises unions and small employers on collective "
            "agreements."
        ),
    },
    {
        "name": "Raúl Domínguez Peña",
        "slug": "raul-dominguez-pena",
        "position": "defence analyst",
        "organisation": "Foro Ibérico de Seguridad",
        "bio": "A former army officer who writes on defence budgets and the Spanish arms industry.",
    },
    {
        "name": "Katrin Vogelsang",
        "slug": "katrin-vogelsang",
        "position": "chief economist",
        "organisation": "Norddeutsche Handelsbank",
        "bio": (
            "A monetary economist who previously worked on the research staff of a national "
            "central bank."
        ),
    },
    {
        "name": "Matthias Brenner",
        "slug": "matthias-brenner",
        "position": "professor of political science",
        "organisation": "Universität Mannheim",
        "bio": "A scholar of elections and party systems in Germany and central Europe.",
    },
    {
        "name": "Sabine Hollerbach",
        "slug": "sabine-hollerbach",
        "position": "head of energy policy",
        "organisation": "Berliner Institut für Energiewende",
        "bio": (
            "A physicist turned policy analyst who works on gas markets, grids and industrial "
            "energy costs."
        ),
    },
    {
        "name": "Jörg Lindemann",
        "slug": "jorg-lindemann",
        "position": "spokesman",
        "organisation": "Bund der Transportbeschäftigten",
        "bio": (
            "A former signalman who has represented rail and bus workers in wage negotiations "
            "since 2012."
        ),
    },
    {
        "name": "Friederike Adler",
        "slug": "friederike-adler",
        "position": "trade economist",
        "organisation": "Hamburger Zentrum für Handelsforschung",
        "bio": (
            "An economist who studies supply chains, tariffs and Germany's trade with China and "
            "central Europe."
        ),
    },
    {
        "name": "Thomas Weidner",
        "slug": "thomas-weidner",
        "position": "senior fellow",
        "organisation": "Deutscher Rat für Sicherheitspolitik",
        "bio": (
            "A former defence ministry planner who writes on military spending and the alliance's "
            "eastern flank."
        ),
    },
    {
        "name": "Anja Richter-Blum",
        "slug": "anja-richter-blum",
        "position": "housing market researcher",
        "organisation": "Leipziger Institut für Stadtökonomie",
        "bio": (
            "An urban economist who tracks rents and property values in Germany's large and "
            "mid-sized cities."
        ),
    },
    {
        "name": "Uwe Harms",
        "slug": "uwe-harms",
        "position": "president",
        "organisation": "Verband der Automobilzulieferer Süd",
        "bio": (
            "The owner of a family-run parts maker in Swabia who speaks for small and mid-sized "
            "car suppliers."
        ),
    },
    {
        "name": "Agnieszka Wróblewska",
        "slug": "agnieszka-wroblewska",
        "position": "professor of constitutional law",
        "organisation": "Uniwersytet Warszawski",
        "bio": (
            "A legal scholar who has written extensively on judicial appointments and the rule of "
            "law in Poland."
        ),
    },
    {
        "name": "Tomasz Kaczmarczyk",
        "slug": "tomasz-kaczmarczyk",
        "position": "chief economist",
        "organisation": "Bank Wiślany",
        "bio": (
            "An economist who covers Polish interest rates, the zloty and the Warsaw stock "
            "exchange."
        ),
    },
    {
        "name": "Katarzyna Sobczak",
        "slug": "katarzyna-sobczak",
        "position": "energy researcher",
        "organisation": "Warszawskie Forum Energetyczne",
        "bio": "A researcher who studies the phase-out of coal in Poland and central Europe.",
    },
    {
        "name": "Piotr Lewandowicz",
        "slug": "piotr-lewandowicz",
        "position": "political analyst",
        "organisation": "Instytut Polityki Wisła",
        "bio": (
            "A political analyst and former parliamentary reporter who follows Polish and central "
            "European politics."
        ),
    },
    {
        "name": "Ewa Jabłońska",
        "slug": "ewa-jablonska",
        "position": "president",
        "organisation": "Krajowa Izba Producentów Zbóż",
        "bio": (
            "A grain and fruit farmer from Mazovia who leads a national chamber of grain producers."
        ),
    },
    {
        "name": "Siobhán Keane",
        "slug": "siobhan-keane",
        "position": "chief economist",
        "organisation": "Dunmore Economics",
        "bio": (
            "An economist who advises Irish companies on housing, prices and the public finances."
        ),
    },
    {
        "name": "Declan Moriarty",
        "slug": "declan-moriarty",
        "position": "associate professor of politics",
        "organisation": "Trinity College Dublin",
        "bio": (
            "A political scientist who studies Irish elections, the single transferable vote and "
            "neutrality."
        ),
    },
    {
        "name": "Aoife Brennan",
        "slug": "aoife-brennan",
        "position": "director",
        "organisation": "Fair Rent Ireland",
        "bio": (
            "A housing campaigner and former solicitor who runs a national advice service for "
            "tenants."
        ),
    },
    {
        "name": "Ciarán Fallon",
        "slug": "ciaran-fallon",
        "position": "head of policy",
        "organisation": "Digital Ireland Forum",
        "bio": (
            "A former civil servant who represents technology and data centre companies in Ireland."
        ),
    },
    {
        "name": "Niamh Gallagher",
        "slug": "niamh-gallagher",
        "position": "climate scientist",
        "organisation": "University College Cork",
        "bio": (
            "A climate scientist who studies Atlantic weather extremes and offshore wind resources."
        ),
    },
    {
        "name": "Pieter Van Damme",
        "slug": "pieter-van-damme",
        "position": "senior fellow",
        "organisation": "Breydel Policy Centre",
        "bio": (
            "A former EU official who writes on the Commission, the member states and the European "
            "budget."
        ),
    },
    {
        "name": "Élise Dumont",
        "slug": "elise-dumont",
        "position": "migration lawyer",
        "organisation": "Centre Bruxellois pour le Droit d'Asile",
        "bio": "A lawyer who represents asylum seekers before Belgian and European courts.",
    },
    {
        "name": "Marc Lejeune",
        "slug": "marc-lejeune",
        "position": "professor of international economics",
        "organisation": "Université libre de Bruxelles",
        "bio": "An economist who works on EU trade agreements and relations with Africa and China.",
    },
    {
        "name": "Hanne Claes",
        "slug": "hanne-claes",
        "position": "defence analyst",
        "organisation": "Vlaams Instituut voor Veiligheid",
        "bio": (
            "A security analyst who follows European defence cooperation, hybrid threats and the "
            "arms industry."
        ),
    },
]

REVIEW_CITIES = ["Lisbon", "Madrid", "Berlin", "Warsaw", "Dublin", "Brussels"]

LEDE_TEMPLATES = [
    (
        "The day's papers lead with {topics}. The fullest coverage is in {outlets}, where analysts "
        "and officials weigh in on what comes next."
    ),
    "{outlets} set the tone this morning, with front pages devoted to {topics}.",
    (
        "Front pages today are dominated by {topics}, and the pages of {outlets} offer the fullest "
        "accounts, along with a range of expert voices."
    ),
    (
        "Newspapers this morning turn their attention to {topics}. Among the titles reviewed, the "
        "most space is given to these stories by {outlets}."
    ),
    "Readers of {outlets} woke up to {topics}, the subjects that dominate this morning's editions.",
    (
        "Today's review looks at how {outlets} covered {topics}, with comment from the economists, "
        "lawyers and other specialists quoted by the papers."
    ),
]

STORIES = [
    {
        "section": "politics",
        "headline": "Junior coalition partner threatens to quit over housing tax break",
        "paragraphs": [
            (
                "The Civic Liberals, junior partner in the Portuguese government, will leave the "
                "coalition if the budget does not include a tax break for landlords who rent at "
                "controlled prices, the paper reports, quoting the party's leader. The budget goes "
                "to a first vote in three weeks."
            ),
            (
                "{expert0} told the newspaper that the threat was partly aimed at the party's own "
                "voters, who had been losing patience with the coalition's slow progress on "
                "housing. The paper notes that the government holds a majority of only four seats."
            ),
        ],
        "experts": ["joana-figueiredo"],
        "quotes": [
            "It is a threat addressed to the prime minister but written for the party's base.",
        ],
        "tags": ["coalition", "housing", "taxation"],
    },
    {
        "section": "business",
        "headline": "Sines dockworkers vote for open-ended strike over automation plan",
        "paragraphs": [
            (
                "The paper reports that dockworkers at the container terminal in Sines voted "
                "overwhelmingly on Monday for an open-ended strike from next week, in protest at "
                "the operator's plan to automate two of its four quays. According to the "
                "newspaper, the plan would cut around 300 of the terminal's 1,100 jobs over three "
                "years."
            ),
            (
                "{expert0} told the paper that the union had been asking for a retraining "
                "guarantee for months and had received only vague promises. {expert1} said "
                "operators could not afford to fall behind Mediterranean rivals that automated "
                "years ago, but added that the door to talks remained open."
            ),
        ],
        "experts": ["rui-mendonca", "teresa-valente"],
        "quotes": [
            "Nobody on the quay is against the future, we are against being thrown out of it.",
            "A port that stands still while its rivals modernise is a port that loses its ships.",
        ],
        "tags": ["ports", "strikes", "labour"],
    },
    {
        "section": "world",
        "headline": "Populist opposition leads as Czech election campaign opens",
        "paragraphs": [
            (
                "The populist opposition movement Citizens' Voice leads the polls with 32 percent "
                "as the Czech election campaign officially opens, the paper reports, ten points "
                "ahead of the governing centre-right alliance. Its leader, a former television "
                "presenter, promises to cut energy bills and to stop sending aid abroad."
            ),
            (
                "{expert0} told the newspaper that a victory for Citizens' Voice would change the "
                "balance among the central European governments. It could also make EU decisions "
                "on sanctions and the budget harder, he said."
            ),
            (
                "The paper notes that the election is the first since a series of energy price "
                "rises hit Czech households hard. Turnout at the last general election was 65 "
                "percent, one of the highest in the region."
            ),
        ],
        "experts": ["piotr-lewandowicz"],
        "quotes": [
            "Prague could become another capital that says no in Brussels.",
        ],
        "tags": ["elections", "eu"],
    },
    {
        "section": "politics",
        "headline": "Finance ministry puts landlord tax break at 400 million euros",
        "paragraphs": [
            (
                "The finance ministry has estimated that the tax break for landlords demanded by "
                "the Civic Liberals would cost around 400 million euros a year, the paper reports, "
                "citing an internal memo. The figure is twice the amount the junior partner had "
                "put forward."
            ),
            (
                "{expert0} told the paper that the ministry's calculation assumed almost all "
                "landlords would sign up, which was unlikely in the first years. The true cost, he "
                "said, would be closer to 150 million euros. The Civic Liberals accused the "
                "ministry of inflating the number to kill the proposal."
            ),
        ],
        "experts": ["duarte-nogueira"],
        "quotes": [
            "Both sides have picked the number that suits their argument.",
        ],
        "tags": ["coalition", "budget", "taxation"],
    },
    {
        "section": "business",
        "headline": "Port strike halts container traffic at Sines as ships divert to Spain",
        "paragraphs": [
            (
                "On the first day of the strike, the newspaper writes, not a single container ship "
                "was worked at Sines, and at least six vessels changed course for Valencia and "
                "Algeciras. Its reporters counted more than 40 lorries queuing at the terminal "
                "gate, many of them carrying refrigerated goods bound for export."
            ),
            (
                "{expert0} told the paper that Spanish ports could absorb the extra cargo for a "
                "few days but would be congested within two weeks if the stoppage continued. The "
                "paper notes that Sines handles almost half of Portugal's container traffic, and "
                "that no contingency plan had been prepared."
            ),
        ],
        "experts": ["sergio-llorente-vidal"],
        "quotes": [
            "Valencia can take a surprise guest, not a lodger who stays for a month.",
        ],
        "tags": ["ports", "strikes", "shipping", "trade"],
    },
    {
        "section": "world",
        "headline": "Energy prices dominate Czech election debate",
        "paragraphs": [
            (
                "The first televised debate of the Czech campaign focused almost entirely on "
                "energy bills, the paper reports, which remain among the highest in central Europe "
                "relative to incomes. The opposition promised to take households out of the EU's "
                "carbon market."
            ),
            (
                "{expert0} told the newspaper that leaving the carbon market was not legally "
                "possible for a member state. The promise, she said, was aimed at voters' "
                "frustration rather than at policy."
            ),
            (
                "According to the newspaper, the governing alliance defended its record of "
                "subsidies for poorer households but struggled to explain why bills had not fallen "
                "faster. Neither side said how its promises would be paid for."
            ),
        ],
        "experts": ["katarzyna-sobczak"],
        "quotes": [
            "It is a promise that would end in a courtroom in Luxembourg, not in cheaper heating.",
        ],
        "tags": ["elections", "energy", "eu"],
    },
    {
        "section": "politics",
        "headline": "Prime minister gives coalition partner a week to decide",
        "paragraphs": [
            (
                "The prime minister has given the Civic Liberals until next Friday to say whether "
                "they will vote for the budget, the newspaper reports, warning that he would "
                'rather call early elections than govern "with a knife at the throat". His '
                "Democratic Renewal party is ahead in the polls."
            ),
            (
                "{expert0} told the paper that the ultimatum was a calculated risk, because the "
                "prime minister's party would gain from an early vote but might still fall short "
                "of a majority. {expert1} recalled that only the president can dissolve "
                "parliament, and that he may refuse if an alternative majority exists."
            ),
        ],
        "experts": ["joana-figueiredo", "miguel-tavares-cordeiro"],
        "quotes": [
            (
                "The prime minister is betting that voters will blame the smaller party for any "
                "crisis."
            ),
            "Dissolution is the president's decision, not the prime minister's threat to make.",
        ],
        "tags": ["coalition", "budget", "elections"],
    },
    {
        "section": "business",
        "headline": "Port strike spreads north to Leixões and Aveiro",
        "paragraphs": [
            (
                "The paper reports that dockworkers at Leixões and Aveiro joined the stoppage at "
                "midnight, turning a dispute at one terminal into the first nationwide port strike "
                "in more than a decade. Morning shifts at Leixões were cancelled after fewer than "
                "a dozen workers turned up."
            ),
            (
                "{expert0} told the paper that northern crews had walked out because operators "
                'there were preparing similar automation plans and wanted to "test the water in '
                'the south first". Employers, according to the newspaper, accuse the union of '
                "spreading the strike to raise the pressure before any talks have even begun."
            ),
            (
                "Exporters in the Porto region, the paper adds, are already looking for space on "
                "freight trains to Spanish ports. Rail operators say they can offer only a "
                "fraction of the capacity needed."
            ),
        ],
        "experts": ["rui-mendonca"],
        "quotes": [
            (
                "What happens in Sines today happens in Leixões tomorrow, so we would rather stand "
                "together now."
            ),
        ],
        "tags": ["ports", "strikes", "labour"],
    },
    {
        "section": "world",
        "headline": "Czech polls tighten in final week of campaign",
        "paragraphs": [
            (
                "The gap between Citizens' Voice and the governing alliance has narrowed to four "
                "points, the newspaper reports, citing three polls published over the weekend, "
                "after a scandal over the opposition leader's campaign finances. Undecided voters "
                "make up around a fifth of the electorate."
            ),
            (
                "{expert0} told the paper that turnout among young voters in Prague and Brno could "
                "decide whether the governing alliance keeps its majority. Young Czechs, he noted, "
                "have stayed at home in large numbers at the last two elections."
            ),
            (
                "The newspaper notes that Czech law bans the publication of polls in the last days "
                "before the vote. The surveys published this week will therefore be the last of "
                "the campaign."
            ),
        ],
        "experts": ["matthias-brenner"],
        "quotes": ["This election will be won or lost in the university cities."],
        "tags": ["elections"],
    },
    {
        "section": "politics",
        "headline": "President urges coalition parties to avoid early elections",
        "paragraphs": [
            (
                'The president called on the coalition partners to show "the maturity the country '
                'expects" and agree on a budget, the paper reports, in his first public '
                "intervention in the dispute. He met both party leaders separately at Belém "
                "Palace."
            ),
            (
                "{expert0} told the newspaper that the president was signalling he would not "
                "dissolve parliament lightly. That, he said, strengthened the hand of the smaller "
                "party in the negotiations."
            ),
            (
                "The paper adds that the president's office has asked both parties to present a "
                "written agreement on the budget before the end of the month. A spokesman for the "
                "Civic Liberals called the meeting constructive."
            ),
        ],
        "experts": ["miguel-tavares-cordeiro"],
        "quotes": [
            "The president has just taken the prime minister's best threat off the table.",
        ],
        "tags": ["coalition", "elections"],
    },
    {
        "section": "business",
        "headline": "Exporters count losses as port stoppage enters second week",
        "paragraphs": [
            (
                "Textile, cork and paper exporters told the newspaper they were losing orders as "
                "containers piled up in warehouses, with several firms in the north paying "
                "penalties to foreign clients for late delivery. The paper estimates the direct "
                "cost of the strike at around 25 million euros a day, citing industry "
                "associations."
            ),
            (
                "{expert0} told the paper that operators had already lost two regular shipping "
                "lines, which might not come back even after the dispute ends. {expert1} said the "
                "strike would shave a tenth of a percentage point off first-quarter growth if it "
                "lasted another fortnight."
            ),
        ],
        "experts": ["teresa-valente", "paulo-antunes"],
        "quotes": [
            "Shipping lines have long memories and short patience.",
            (
                "It is not a recession story, but it is a real dent in a quarter that was already "
                "weak."
            ),
        ],
        "tags": ["ports", "trade", "industry", "strikes"],
    },
    {
        "section": "world",
        "headline": "Czech opposition wins election but falls short of majority",
        "paragraphs": [
            (
                "Citizens' Voice won the Czech general election with 29 percent of the vote, the "
                "paper reports, but will need at least one partner to command a majority in the "
                "200-seat lower house. The governing alliance came second with 25 percent."
            ),
            (
                "{expert0} told the newspaper that the most likely partner was a small nationalist "
                "party, which would push the new government towards a harder line on migration. "
                "{expert1} said Brussels would wait for the coalition agreement before drawing "
                "conclusions."
            ),
            (
                "Turnout rose to 68 percent, the highest in two decades, the paper notes. The "
                "president is expected to ask the winner to form a government next week."
            ),
        ],
        "experts": ["piotr-lewandowicz", "pieter-van-damme"],
        "quotes": [
            "The winner has a choice between a difficult partner and no government at all.",
            (
                "The Commission has learned to judge governments by their budgets, not by their "
                "campaign speeches."
            ),
        ],
        "tags": ["elections", "migration", "eu"],
    },
    {
        "section": "politics",
        "headline": "Coalition strikes compromise on rental tax break",
        "paragraphs": [
            (
                "The two governing parties have agreed on a reduced tax rate for landlords who "
                "sign leases of at least five years at rents below the local median, the paper "
                "reports. The measure will cost an estimated 220 million euros a year and will be "
                "reviewed after two years. Both party leaders presented the deal together at a "
                "press conference in parliament, the first time they had appeared side by side in "
                "a month."
            ),
            (
                "{expert0} told the paper the compromise was better than nothing. She said, "
                "however, that it would mostly reward landlords already renting at moderate prices "
                "rather than bring new homes onto the market."
            ),
        ],
        "experts": ["catarina-sousa-reis"],
        "quotes": ["It pays landlords for what many of them were already doing."],
        "tags": ["coalition", "housing", "budget", "taxation"],
    },
    {
        "section": "business",
        "headline": "Valencia dockers refuse to handle cargo diverted from Portugal",
        "paragraphs": [
            (
                "Dockworkers in Valencia voted to refuse containers diverted from striking "
                "Portuguese ports, the newspaper reports, in a gesture of solidarity that caught "
                "shipping lines by surprise. Two vessels that had left Sines unworked were asked "
                "to wait at anchor off the Spanish coast."
            ),
            (
                "{expert0} told the paper that exporters in the Valencia region were now paying "
                "for a dispute that was not theirs, and called on both governments to push for "
                "mediation. The paper notes that Spanish port law makes it harder for employers to "
                "replace striking dockers than in Portugal."
            ),
        ],
        "experts": ["sergio-llorente-vidal"],
        "quotes": [
            "Our orange growers did not sign up for a Portuguese labour dispute.",
        ],
        "tags": ["ports", "strikes", "shipping", "labour"],
    },
    {
        "section": "world",
        "headline": "Berlin watches Czech coalition talks with concern",
        "paragraphs": [
            (
                "The German government is following the Czech coalition talks closely, the "
                "newspaper reports, since thousands of German companies have factories in the "
                "Czech Republic and depend on smooth supply chains across the border. Business "
                "groups fear new restrictions on foreign investment."
            ),
            (
                "{expert0} told the paper that Berlin would avoid public comment but would work "
                "through business channels to reassure the new government. The newspaper notes "
                "that the Czech Republic is one of Germany's largest trading partners in the EU."
            ),
            (
                "Several German carmakers, the paper writes, have quietly postponed decisions on "
                "new investment in their Czech plants. They want to see the shape of the new "
                "government first."
            ),
        ],
        "experts": ["friederike-adler"],
        "quotes": [
            "Germany will speak softly and let the car industry do the talking.",
        ],
        "tags": ["elections", "trade", "industry", "eu"],
    },
    {
        "section": "politics",
        "headline": "Opposition tables motion of no confidence in the government",
        "paragraphs": [
            (
                "The main opposition party has tabled a motion of no confidence in the government, "
                "the newspaper reports, arguing that weeks of infighting in the coalition had "
                "paralysed policy on housing and health. The vote is scheduled for next Wednesday. "
                "It is the second such motion this parliamentary term."
            ),
            (
                "According to the paper, the motion has little chance of passing now that the "
                "coalition partners have settled their dispute. The opposition hopes instead to "
                "force the Civic Liberals to vote openly in defence of the government's record. "
                "Its leader said the country could not afford another year of paralysis."
            ),
        ],
        "experts": [],
        "quotes": [],
        "tags": ["coalition"],
    },
    {
        "section": "business",
        "headline": "Government appoints mediator in port dispute",
        "paragraphs": [
            (
                "The labour ministry has named a retired labour court judge as mediator in the "
                "port strike, the paper reports, after employers and the dockworkers' union agreed "
                "to sit at the same table for the first time. The first session is due on Thursday "
                "in Lisbon."
            ),
            (
                "According to the newspaper, the government had resisted intervening for a week, "
                "fearing it would be accused of taking sides ahead of the budget vote. {expert0} "
                "told the paper that ministers had simply run out of room once Spanish ports began "
                "turning ships away."
            ),
        ],
        "experts": ["joana-figueiredo"],
        "quotes": [
            (
                "The government could ignore the union, but it could not ignore empty supermarket "
                "shelves."
            ),
        ],
        "tags": ["ports", "strikes", "labour"],
    },
    {
        "section": "world",
        "headline": "New Czech government sworn in",
        "paragraphs": [
            (
                "The new Czech prime minister and his cabinet were sworn in at Prague Castle on "
                "Monday, the paper reports, a month after the election. The coalition agreement "
                "promises an energy price cap for households and a review of the country's "
                "military aid commitments."
            ),
            (
                "According to the newspaper, the new foreign minister's first trips will be to "
                "Bratislava and Budapest rather than to Berlin or Brussels. Diplomats read the "
                "choice as a deliberate signal."
            ),
            (
                "The paper writes that the new government has a majority of only three seats in "
                "the lower house. Its first test will be a vote on the energy price cap next "
                "month."
            ),
        ],
        "experts": [],
        "quotes": [],
        "tags": ["elections", "diplomacy", "eu"],
    },
    {
        "section": "politics",
        "headline": "Government survives no-confidence vote",
        "paragraphs": [
            (
                "The coalition government comfortably survived the no-confidence motion on "
                "Wednesday, the paper reports, with 118 deputies voting against, 99 in favour and "
                "13 abstaining. Two Civic Liberal deputies abstained, defying the party line. The "
                "debate lasted more than seven hours and was dominated by housing and the port "
                "strike."
            ),
            (
                "{expert0} told the newspaper that the government had gained time but not "
                "stability. The two rebels, she said, exposed divisions within the junior partner "
                "that would resurface at the next budget."
            ),
            (
                "The paper notes that the prime minister used his closing speech to promise a new "
                "housing plan within months. The gesture was widely seen as aimed at his "
                "junior partner."
            ),
        ],
        "experts": ["joana-figueiredo"],
        "quotes": [
            "The government won the vote and lost a little more of its coherence.",
        ],
        "tags": ["coalition"],
    },
    {
        "section": "business",
        "headline": "Port talks collapse as government orders minimum services",
        "paragraphs": [
            (
                "Mediation between the port operators and the dockworkers broke down after nine "
                "hours on Friday, the paper reports, over how many jobs the automation plan would "
                "be allowed to cut. The government responded by decreeing minimum services "
                "covering medicines, fuel and perishable food."
            ),
            (
                "{expert0} told the paper the union would challenge the decree in court, arguing "
                "that it went far beyond essential goods. {expert1} welcomed the order but said it "
                "would not save the export season for many firms. The paper reports that several "
                "supermarket chains have started rationing imported fruit."
            ),
        ],
        "experts": ["rui-mendonca", "teresa-valente"],
        "quotes": [
            "Calling frozen fish an essential service is not law, it is strike-breaking.",
            "Minimum services keep the lights on, they do not keep the customers.",
        ],
        "tags": ["ports", "strikes", "courts", "labour"],
    },
    {
        "section": "world",
        "headline": "EU leaders debate joint borrowing for defence",
        "paragraphs": [
            (
                "European leaders meeting in Brussels are divided over whether to borrow jointly "
                "to fund defence, the paper reports, with southern and eastern states in favour "
                "and a group of northern countries opposed. A proposal for a 150 billion euro loan "
                "facility is on the table."
            ),
            (
                "{expert0} told the newspaper that even the northern holdouts accepted that "
                "national budgets alone could not finance the increase in spending the alliance "
                "now demands. The paper writes that a compromise could involve loans to member "
                "states rather than grants, an idea borrowed from the pandemic recovery fund."
            ),
        ],
        "experts": ["hanne-claes"],
        "quotes": [
            "The debate is no longer whether Europe pays more for defence, but who signs the loan.",
        ],
        "tags": ["defence", "eu"],
    },
    {
        "section": "politics",
        "headline": "Poll shows Civic Liberals losing ground after budget row",
        "paragraphs": [
            (
                "Support for the Civic Liberals has fallen to 5 percent from 8 percent at the last "
                "election, according to a poll commissioned by the paper, while the prime "
                "minister's Democratic Renewal gains two points to 33 percent. The main opposition "
                "party is stable at 29 percent."
            ),
            (
                "{expert0} told the paper that smaller parties in coalitions were almost always "
                "punished for public disputes, whatever the outcome. The poll also shows that "
                "housing has overtaken health as voters' main concern. Four in ten respondents "
                "said the coalition should not survive until the next election."
            ),
        ],
        "experts": ["joana-figueiredo"],
        "quotes": [
            "In a coalition row, the big party gets the credit and the small party gets the bill.",
        ],
        "tags": ["coalition", "elections"],
    },
    {
        "section": "business",
        "headline": "Port strike ends with deal on phased automation",
        "paragraphs": [
            (
                "Dockworkers will return to work on Monday after the union and the operators "
                "agreed to spread automation at Sines over six years instead of three, the "
                "newspaper reports. No worker with more than ten years' service will be dismissed, "
                "and the operators will fund a retraining programme at a new port technology "
                "school."
            ),
            (
                "{expert0} told the paper the deal was not a victory but a decent settlement, and "
                "that it would be put to a vote of members. The paper writes that the strike "
                "lasted 23 days and cost exporters an estimated half a billion euros."
            ),
        ],
        "experts": ["rui-mendonca"],
        "quotes": [
            "We did not stop the machines, but we made sure people will be there to run them.",
        ],
        "tags": ["ports", "labour", "strikes"],
    },
    {
        "section": "world",
        "headline": "Washington threatens tariffs on European steel and wine",
        "paragraphs": [
            (
                "The United States has threatened tariffs of up to 25 percent on European steel, "
                "wine and olive oil, the paper reports, unless the EU softens its rules on digital "
                "services. European trade ministers will meet next week to prepare a response."
            ),
            (
                "{expert0} told the newspaper that the EU should prepare countermeasures but avoid "
                "announcing them, to leave room for negotiation. {expert1} said German steelmakers "
                "were already struggling and would lose around a fifth of their exports to the "
                "United States if the tariffs came into force."
            ),
        ],
        "experts": ["marc-lejeune", "friederike-adler"],
        "quotes": [
            "Europe should load the gun and keep it in the drawer.",
            "For some steel mills, this would be the last straw.",
        ],
        "tags": ["trade", "industry", "eu"],
    },
    {
        "section": "politics",
        "headline": "Parliament approves budget in final vote",
        "paragraphs": [
            (
                "Parliament approved the budget in its final vote on Friday, the newspaper "
                "reports, ending two months of coalition tension. Apart from the landlord tax "
                "break, the budget raises pensions by 2.5 percent and cuts income tax for young "
                "workers. The opposition voted against, while two small left-wing parties "
                "abstained."
            ),
            (
                "{expert0} told the paper that the budget was built on a growth forecast of 2.1 "
                "percent that looked optimistic after the port strike and the drought. He expects "
                "the government to present a correction later in the year. Other economists quoted "
                "by the paper are less pessimistic."
            ),
        ],
        "experts": ["duarte-nogueira"],
        "quotes": [
            "The numbers add up only if the economy does better than it has so far this year.",
        ],
        "tags": ["budget", "coalition", "pensions"],
    },
    {
        "section": "business",
        "headline": "Backlog at Iberian ports could take a month to clear",
        "paragraphs": [
            (
                "Even with the Portuguese strike over, the paper writes, container yards in Sines, "
                "Leixões and Valencia are so full that shipping lines are imposing congestion "
                "surcharges of up to 250 euros per box. Some carriers have dropped calls at "
                "smaller ports to catch up with their schedules. Freight forwarders report that "
                "some exporters are again sending goods by road across the Pyrenees."
            ),
            (
                "{expert0} told the newspaper that Valencia would need four to five weeks to "
                "return to normal. He urged port authorities to extend gate opening hours at "
                "weekends and to give priority to perishable goods."
            ),
        ],
        "experts": ["sergio-llorente-vidal"],
        "quotes": [
            "The strike lasted three weeks, the hangover will last at least as long.",
        ],
        "tags": ["ports", "shipping", "trade"],
    },
    {
        "section": "world",
        "headline": "Farmers protest as EU trade deal with South America nears vote",
        "paragraphs": [
            (
                "Thousands of farmers drove tractors into Brussels on Thursday, the paper reports, "
                "to protest against a trade agreement with South American countries that they say "
                "will flood Europe with cheap beef and sugar. Police used water cannon to clear "
                "the area around the Council building."
            ),
            (
                "{expert0} told the paper that the agreement would benefit European carmakers and "
                "machinery exporters far more than it would hurt farmers, but that the gains were "
                "spread thinly and the losses concentrated. {expert1} said Polish farmers would "
                "join the protests because they already felt squeezed by imports from the east."
            ),
        ],
        "experts": ["marc-lejeune", "ewa-jablonska"],
        "quotes": [
            (
                "The winners of trade deals are spread across a continent, the losers live in the "
                "same villages."
            ),
            "Our farmers are being asked to compete with the whole world at once.",
        ],
        "tags": ["trade", "agriculture", "protests", "eu"],
    },
    {
        "section": "politics",
        "headline": "Rent cap bill clears first reading in Spanish parliament",
        "paragraphs": [
            (
                "The Spanish Congress approved in a first reading a bill allowing regions to cap "
                'rents in areas declared "stressed", the paper reports, with the support of the '
                "governing parties and two regional groups. The opposition voted against."
            ),
            (
                "{expert0} told the newspaper that the bill was a step forward but left too much "
                "in the hands of regional governments. Several of them, she noted, have already "
                "said they will not use it."
            ),
            (
                "According to the newspaper, the bill also obliges large landlords, those owning "
                "more than ten homes, to register their rents in a public database. Landlords' "
                "groups say this will drive small investors out of the market."
            ),
        ],
        "experts": ["marta-ibanez-roca"],
        "quotes": [
            "A cap that nobody is obliged to apply is a suggestion, not a law.",
        ],
        "tags": ["housing"],
    },
    {
        "section": "business",
        "headline": "Central bank expected to hold rates as inflation cools",
        "paragraphs": [
            (
                "Economists surveyed by the paper overwhelmingly expect the central bank to leave "
                "its main rate unchanged at Thursday's meeting, after inflation in the euro area "
                "slowed for a second month in a row. Only two of the 24 economists polled predict "
                "a cut. Most expect the first cut within a few months."
            ),
            (
                "{expert0} told the newspaper that policymakers wanted to see wage growth slow "
                "before moving and would rather be late than early. The paper notes that services "
                "prices are still rising at more than four percent a year. Bank lending to "
                "households, it adds, has barely grown for a year."
            ),
        ],
        "experts": ["katrin-vogelsang"],
        "quotes": [
            (
                "The central bank has been burned once by declaring victory too soon, it will not "
                "do so twice."
            ),
        ],
        "tags": ["interest-rates", "inflation"],
    },
    {
        "section": "world",
        "headline": "EU confirms tariffs on Chinese electric cars",
        "paragraphs": [
            (
                "The EU has confirmed tariffs of up to 35 percent on electric cars imported from "
                "China, the newspaper reports, after member states failed to reach the majority "
                "needed to block them. Germany voted against, Spain abstained and Poland voted in "
                "favour. The tariffs will apply for five years."
            ),
            (
                "{expert0} told the paper that Chinese carmakers would respond by building plants "
                "inside the EU, as several had already announced in Hungary and Spain. Spain, the "
                "paper notes, has been courting Chinese investment in battery and car plants and "
                "did not want to put it at risk."
            ),
        ],
        "experts": ["friederike-adler"],
        "quotes": [
            "Tariffs do not keep Chinese cars out, they bring Chinese factories in.",
        ],
        "tags": ["trade", "technology", "industry", "eu"],
    },
    {
        "section": "politics",
        "headline": "Three regions refuse to apply rent controls",
        "paragraphs": [
            (
                "The regional governments of Madrid, Andalusia and Murcia have announced they will "
                "not declare any stressed housing areas, the paper reports, making the rent cap a "
                "dead letter in three of the country's most expensive markets. Madrid's regional "
                "housing minister called the law an attack on property."
            ),
            (
                "{expert0} told the paper that the dispute was less about housing than about the "
                "balance of power between the central state and the regions. Both sides, she said, "
                "had their eyes on next year's regional elections. The central government says it "
                "will not force them."
            ),
        ],
        "experts": ["lucia-navarro-etxeberria"],
        "quotes": [
            "Housing has become the new front line in the quarrel over who governs what.",
        ],
        "tags": ["housing", "elections"],
    },
    {
        "section": "business",
        "headline": "Central bank holds rates for a third month",
        "paragraphs": [
            (
                "The central bank kept its deposit rate unchanged for the third meeting running, "
                "the paper reports, but its president hinted that a cut could come in the "
                "coming months if wage data cooperated. Government bond yields fell sharply after "
                "the press conference."
            ),
            (
                "{expert0} told the paper that the message was the most dovish in a year and that "
                "markets were right to read it as a signal of an early cut. {expert1} was more "
                "cautious, saying food prices driven by the Iberian drought could still push "
                "inflation up in the months ahead."
            ),
        ],
        "experts": ["ana-ribeiro", "javier-ortega-salvat"],
        "quotes": [
            "They did not cut, but they cleared their throat.",
            (
                "The drought is the wild card that nobody in the rate-setting meetings is talking "
                "about."
            ),
        ],
        "tags": ["interest-rates", "inflation", "banking"],
    },
    {
        "section": "world",
        "headline": "Brussels warns five countries over deficits",
        "paragraphs": [
            (
                "The European Commission has warned five member states, including Belgium and "
                "Poland, that their deficits are too high under the new fiscal rules, the paper "
                "reports, and has asked them to present correction plans within six months. The "
                "countries concerned face fines if they fail to act, although none has ever been "
                "imposed."
            ),
            (
                "{expert0} told the newspaper that the new rules gave governments more time than "
                "the old ones. The first real test, he said, would be whether the Commission "
                "enforced them against the largest countries. Belgium's finance minister said his "
                "government would present its plan later in the year."
            ),
        ],
        "experts": ["pieter-van-damme"],
        "quotes": [
            (
                "The rules are new, but the question is old: will anyone enforce them against the "
                "big capitals?"
            ),
        ],
        "tags": ["budget", "eu"],
    },
    {
        "section": "politics",
        "headline": "Landlords warn rent cap will shrink supply",
        "paragraphs": [
            (
                "Landlords' associations claim that more than 20,000 homes have been withdrawn "
                "from the long-term rental market in Catalonia since rents there were capped, the "
                "newspaper reports, many of them converted into seasonal or tourist lets. Tenants' "
                "groups dispute the figures."
            ),
            (
                "{expert0} told the paper that evidence from other European cities suggested rent "
                "caps protected existing tenants. They also made it harder for newcomers to find a "
                "flat, he said."
            ),
            (
                "The paper notes that the Catalan regional government has promised to publish its "
                "own figures on the rental market within a few months. Until then, both sides are "
                "relying on listings from property websites."
            ),
        ],
        "experts": ["javier-ortega-salvat"],
        "quotes": [
            (
                "Rent controls are good for those who already have a key and bad for those still "
                "looking for one."
            ),
        ],
        "tags": ["housing"],
    },
    {
        "section": "business",
        "headline": "Mortgage holders wait for relief as rates stay high",
        "paragraphs": [
            (
                "Almost nine in ten Portuguese mortgages carry variable rates, the newspaper "
                "recalls, which means households feel every decision of the central bank within "
                "months. The paper tells the story of a couple in Amadora whose monthly payment "
                "has risen by 380 euros in two years."
            ),
            (
                "{expert0} told the paper that the average household in the Lisbon area now spends "
                "more than a third of its income on mortgage payments. {expert1} said banks were "
                "seeing few defaults so far but expected requests to renegotiate loans to climb if "
                "relief did not come by the end of the year."
            ),
        ],
        "experts": ["catarina-sousa-reis", "paulo-antunes"],
        "quotes": [
            "The crisis is not in the statistics yet, it is at the kitchen table.",
            "Our customers are paying, but they are paying with their savings.",
        ],
        "tags": ["interest-rates", "housing", "banking", "inflation"],
    },
    {
        "section": "world",
        "headline": "EU summit agrees joint ammunition purchases",
        "paragraphs": [
            (
                "EU leaders agreed at their summit to buy ammunition and air defence systems "
                "jointly, the paper reports, using a new loan facility of 150 billion euros. The "
                "question of common debt was set aside for later. Deliveries are expected to begin "
                "next year, and several leaders called the deal a turning point."
            ),
            (
                "{expert0} told the paper that joint purchases would cut prices by up to a fifth "
                "if countries resisted the temptation to favour their national manufacturers. "
                "{expert1} said Spain and Portugal would push for a share of the contracts to go "
                "to shipyards and factories in the south."
            ),
        ],
        "experts": ["hanne-claes", "raul-dominguez-pena"],
        "quotes": [
            "Buying together is cheaper only if you also agree on what to buy.",
            "The south will support the plan as long as the factories are not all in the north.",
        ],
        "tags": ["defence", "eu", "industry"],
    },
    {
        "section": "politics",
        "headline": "Tens of thousands march in Madrid over housing costs",
        "paragraphs": [
            (
                "Tens of thousands of people marched through central Madrid on Sunday to demand "
                "lower rents and limits on tourist flats, the paper reports, in one of the largest "
                "housing protests in the city's history. Organisers put the crowd at 150,000, the "
                "police at 40,000. Similar marches took place in Barcelona, Valencia and Málaga."
            ),
            (
                "{expert0} told the newspaper that the protest showed housing had become a "
                "middle-class issue, not just one for the young and the poor. Her federation plans "
                "a rent strike in several buildings owned by investment funds. Organisers say they "
                "will return to the streets next month."
            ),
        ],
        "experts": ["marta-ibanez-roca"],
        "quotes": [
            (
                "When teachers and nurses cannot afford to live in the city they work in, the city "
                "has a problem."
            ),
        ],
        "tags": ["housing", "protests"],
    },
    {
        "section": "business",
        "headline": "Polish central bank surprises with rate cut",
        "paragraphs": [
            (
                "The paper writes that the Polish central bank lowered its reference rate by half "
                "a point, a move only a handful of analysts had predicted, citing a faster than "
                "expected fall in inflation. The zloty weakened by more than one percent against "
                "the euro within an hour."
            ),
            (
                "{expert0} told the newspaper the decision would please borrowers but risked "
                "reigniting price growth once energy subsidies expire later in the year. According "
                "to the paper, two members of the monetary council voted against the cut. The "
                "governor said the council would wait for new data before deciding on further "
                "moves."
            ),
        ],
        "experts": ["tomasz-kaczmarczyk"],
        "quotes": [
            "It is a cut for this month's headlines, not for next year's inflation.",
        ],
        "tags": ["interest-rates", "inflation"],
    },
    {
        "section": "world",
        "headline": "Olive oil exporters brace for US tariffs",
        "paragraphs": [
            (
                "Spanish olive oil producers, who sell around a fifth of their exports to the "
                "United States, are preparing for tariffs that could add 25 percent to their "
                "prices, the newspaper reports. Some exporters are shipping as much as they can "
                "before any decision is taken. The paper writes that ports in Andalusia have seen "
                "an unusual rush of shipments bound for New York and Houston."
            ),
            (
                "{expert0} told the paper that the drought had already cut supplies and that "
                "tariffs on top would hand American supermarket shelves to Tunisian and Turkish "
                "producers. He called on the EU to negotiate an exemption for food products."
            ),
        ],
        "experts": ["alvaro-cienfuegos-prat"],
        "quotes": [
            (
                "We have spent thirty years winning American kitchens and could lose them in one "
                "season."
            ),
        ],
        "tags": ["trade", "agriculture", "eu"],
    },
    {
        "section": "politics",
        "headline": "Madrid region takes rent law to the Constitutional Court",
        "paragraphs": [
            (
                "The Madrid regional government has filed an appeal against the housing law with "
                "the Constitutional Court, the paper reports, arguing that housing is a regional "
                "competence. The court is expected to take at least a year to rule."
            ),
            (
                "{expert0} told the paper that previous rulings had given the central state room "
                "to set basic conditions on property rights. The appeal, she said, was therefore "
                "more likely to delay the law than to defeat it."
            ),
            (
                "The paper notes that Catalonia and the Basque Country, which already cap rents, "
                "have said they will defend the law before the court. The central government has "
                "asked for the case to be heard quickly."
            ),
        ],
        "experts": ["lucia-navarro-etxeberria"],
        "quotes": [
            "The region will probably lose in court, but it will win time.",
        ],
        "tags": ["housing", "courts"],
    },
    {
        "section": "business",
        "headline": "German savers shift billions into fixed-term deposits",
        "paragraphs": [
            (
                "German households moved a record 40 billion euros from current accounts into "
                "fixed-term deposits last year, the paper reports, citing central bank figures, as "
                "banks finally began to pass on higher rates. Smaller savings banks have been "
                "among the most aggressive in offering better terms. Online banks have also won "
                "customers from traditional lenders."
            ),
            (
                "{expert0} told the paper that the shift was squeezing bank margins just as loan "
                "demand from companies was weakening. The newspaper warns that the best deposit "
                "rates are already being trimmed in anticipation of lower central bank rates."
            ),
        ],
        "experts": ["katrin-vogelsang"],
        "quotes": [
            "The golden window for savers is closing faster than most of them realise.",
        ],
        "tags": ["interest-rates", "banking", "inflation"],
    },
    {
        "section": "world",
        "headline": "EU and Britain open talks on fishing rights",
        "paragraphs": [
            (
                "EU and British negotiators opened talks in London on access to fishing waters "
                "after the current arrangement expires next year, the paper reports. Irish "
                "fishermen fear losing quota in the waters off the north-west coast."
            ),
            (
                "According to the newspaper, Britain wants to link fishing to an agreement on "
                "agricultural trade, while Ireland and France insist on long-term access for their "
                "fleets. Negotiators have given themselves until the end of the year to reach a "
                "deal."
            ),
            (
                "The paper quotes fishermen in Killybegs who say the last agreement cost them a "
                "quarter of their mackerel quota. They want the Irish government to make fishing a "
                "red line in the talks."
            ),
        ],
        "experts": [],
        "quotes": [],
        "tags": ["fisheries", "trade", "diplomacy", "eu"],
    },
    {
        "section": "politics",
        "headline": "Senate amendments strip tax incentives from housing bill",
        "paragraphs": [
            (
                "The opposition-controlled Senate has removed tax incentives for landlords who "
                "lower rents from the housing bill, the newspaper reports, sending it back to the "
                "Congress for a final vote. The government says it has the votes to restore the "
                "original text. It would need an absolute majority to override the Senate."
            ),
            (
                "According to the paper, the episode illustrates how the Senate has become a tool "
                "for delaying rather than blocking legislation since the opposition won a majority "
                "there. The final vote is expected before the next parliamentary recess. Tenants' "
                "groups have called a protest outside the Senate."
            ),
        ],
        "experts": [],
        "quotes": [],
        "tags": ["housing", "taxation"],
    },
    {
        "section": "business",
        "headline": "Markets bet on early rate cut after dovish minutes",
        "paragraphs": [
            (
                "The newspaper reports that stocks in Madrid and Lisbon rose to their highest "
                "level in eight years after the central bank's minutes showed several policymakers "
                "were ready to lower rates soon. Bank shares lagged, as investors priced in "
                "thinner lending margins. The euro fell slightly against the dollar."
            ),
            (
                "{expert0} told the paper that the market was getting ahead of itself. One cut, he "
                "argued, should not be confused with a return to the cheap money of the last "
                "decade. Inflation in services, he noted, was still far from the central bank's "
                "comfort zone."
            ),
        ],
        "experts": ["javier-ortega-salvat"],
        "quotes": [
            "One good month does not make a trend, and one cut does not make a cycle.",
        ],
        "tags": ["interest-rates", "inflation"],
    },
    {
        "section": "world",
        "headline": "Canary Islands arrivals double compared with last year",
        "paragraphs": [
            (
                "More than 12,000 migrants have reached the Canary Islands by boat since the start "
                "of the year, the paper reports, twice as many as in the same period last year, "
                "most of them departing from Mauritania and Senegal. Reception centres on El "
                "Hierro are at three times their capacity. The regional government has asked "
                "Madrid to move unaccompanied minors to the mainland."
            ),
            (
                "{expert0} told the newspaper that the Atlantic route had become the busiest into "
                "Spain because patrols in the Mediterranean had pushed smugglers further south. "
                "She said the islands needed a permanent reception system rather than emergency "
                "measures every year."
            ),
        ],
        "experts": ["carmen-aguirre-bastida"],
        "quotes": [
            (
                "Closing one route has never closed migration, it only moves it somewhere more "
                "dangerous."
            ),
        ],
        "tags": ["migration"],
    },
    {
        "section": "politics",
        "headline": "German coalition split over exempting defence from debt rules",
        "paragraphs": [
            (
                "The paper reports a deep rift in the German coalition over whether military "
                "spending should be exempt from the constitutional debt brake. The defence "
                "minister wants an exemption to reach the alliance's new spending target, while "
                "the finance minister insists on cuts elsewhere."
            ),
            (
                "{expert0} told the newspaper that without an exemption the defence budget would "
                "have to grow by 20 billion euros a year at the expense of almost everything else. "
                "{expert1} said a change to the constitution would need a two-thirds majority that "
                "the coalition did not have."
            ),
        ],
        "experts": ["thomas-weidner", "matthias-brenner"],
        "quotes": [
            "You cannot rebuild an army out of leftovers.",
            "Everyone in Berlin wants the money and nobody has the votes.",
        ],
        "tags": ["coalition", "defence", "budget"],
    },
    {
        "section": "business",
        "headline": "Central bank cuts rates for the first time in two years",
        "paragraphs": [
            (
                "The central bank lowered its deposit rate by a quarter point on Thursday, the "
                "paper reports, the first cut since it began raising borrowing costs to fight "
                "inflation. Its president stressed that future moves would depend on the data and "
                "refused to commit to a second cut."
            ),
            (
                "{expert0} told the paper that a typical Portuguese mortgage holder would save "
                "around 30 euros a month, a small relief but a symbolic one. {expert1} said that "
                "in Ireland, where most new mortgages are fixed, the effect would be slower and "
                "would matter more for first-time buyers than for existing borrowers."
            ),
        ],
        "experts": ["ana-ribeiro", "siobhan-keane"],
        "quotes": [
            "Thirty euros does not change a life, but it changes the mood.",
            "Irish borrowers will feel this cut next year, not next month.",
        ],
        "tags": ["interest-rates", "inflation", "housing"],
    },
    {
        "section": "world",
        "headline": "Rescue ship held in port after disembarking migrants",
        "paragraphs": [
            (
                "Italian authorities have detained a rescue ship operated by a German charity in "
                "the port of Catania for 20 days, the paper reports, after it disembarked 63 "
                "people rescued at sea in a port other than the one it had been assigned. The "
                "charity will appeal."
            ),
            (
                "{expert0} told the paper that such detentions were increasingly being overturned "
                "by Italian courts. Each one, however, kept a ship out of the water for weeks."
            ),
            (
                "The paper writes that the charity had already been fined twice this year under "
                "the same rules. Its crew says it followed instructions from the coastguard of "
                "another member state."
            ),
        ],
        "experts": ["elise-dumont"],
        "quotes": [
            "The ship usually wins in court, but by then the season is over.",
        ],
        "tags": ["migration", "courts"],
    },
    {
        "section": "politics",
        "headline": "German finance minister presents budget with 25 billion euro gap",
        "paragraphs": [
            (
                "The German finance minister presented a draft budget on Tuesday that leaves a gap "
                "of 25 billion euros to be closed in the coming months, the paper reports. "
                "Ministries have been told to propose savings of 5 percent. Defence and interest "
                "payments are the only items set to grow significantly."
            ),
            (
                "{expert0} told the paper that the gap was manageable in a budget of 480 billion "
                "euros. The political cost of cutting social spending before the state elections, "
                "she said, would be much harder to bear. The finance minister, the paper adds, has "
                "ruled out tax increases."
            ),
        ],
        "experts": ["katrin-vogelsang"],
        "quotes": [
            "The problem is not arithmetic, it is the electoral calendar.",
        ],
        "tags": ["budget", "coalition"],
    },
    {
        "section": "business",
        "headline": "Spanish inflation picks up as food prices climb",
        "paragraphs": [
            (
                "Consumer prices in Spain rose 3.4 percent in the year to last month, up from 3.0 "
                "percent the month before, the paper reports, driven by olive oil, fruit and "
                "vegetables hit by the drought. Core inflation, which excludes food and energy, "
                "eased slightly. Fresh fruit prices alone rose 11 percent."
            ),
            (
                "{expert0} told the newspaper the figure showed that the climate was becoming an "
                "inflation factor in its own right. The government, he said, should target aid at "
                "low-income households rather than cut VAT across the board. The government is due "
                "to decide next week whether to extend the current VAT reduction on basic foods."
            ),
        ],
        "experts": ["javier-ortega-salvat"],
        "quotes": [
            "A VAT cut on olive oil is a gift to people who would have bought it anyway.",
        ],
        "tags": ["inflation", "drought", "agriculture"],
    },
    {
        "section": "world",
        "headline": "Member states miss deadline to prepare for EU migration pact",
        "paragraphs": [
            (
                "Only eleven member states have submitted full plans to implement the EU migration "
                "pact, the newspaper reports, with the rules due to apply within months. Belgium, "
                "Ireland and Poland are among those that are late. Several governments say they "
                "need more money from Brussels to build the new facilities."
            ),
            (
                "{expert0} told the paper that the new border procedures would require detention "
                "facilities that most countries had not yet built. {expert1} said the Commission "
                "was unlikely to start infringement proceedings quickly, because it needed "
                "governments' goodwill on the rest of the pact."
            ),
        ],
        "experts": ["elise-dumont", "pieter-van-damme"],
        "quotes": [
            "The pact promises fast border procedures in buildings that do not exist.",
            "Brussels will nudge rather than punish, at least this year.",
        ],
        "tags": ["migration", "eu"],
    },
    {
        "section": "politics",
        "headline": "Coalition agrees special fund for defence and infrastructure",
        "paragraphs": [
            (
                "The German coalition parties have agreed to set up a second special fund of 80 "
                "billion euros for defence and infrastructure, the paper reports, which will need "
                "opposition votes to pass. The fund would sit outside the debt brake. Around half "
                "of the money would go to bridges, railways and schools."
            ),
            (
                "{expert0} told the newspaper that the deal bought time but that the defence "
                "budget would face a cliff once the fund was spent. He urged the coalition to plan "
                "now for regular spending to rise. The centre-right opposition has signalled it is "
                "ready to negotiate."
            ),
        ],
        "experts": ["thomas-weidner"],
        "quotes": [
            "Special funds are a bridge, and at some point you have to reach the other side.",
        ],
        "tags": ["defence", "budget", "coalition"],
    },
    {
        "section": "business",
        "headline": "Inflation in Germany falls to lowest level in three years",
        "paragraphs": [
            (
                "German inflation slowed to 2.1 percent last month, according to preliminary "
                "figures reported by the paper, the lowest rate since the energy crisis began. "
                "Energy prices fell for the fourth month in a row, while services inflation "
                "remained stubborn."
            ),
            (
                "The newspaper notes that real wages have now grown for four consecutive quarters, "
                "which it says explains the tentative pick-up in retail sales. It cautions that a "
                "new round of wage agreements in the metal and rail sectors could push services "
                "prices higher later in the year."
            ),
            (
                "{expert0} told the paper that lower inflation would not soften the unions' "
                "demands, because workers were still catching up with the price rises of the past "
                "three years. Employers, he said, should not mistake a good month for a settled "
                "account."
            ),
        ],
        "experts": ["jorg-lindemann"],
        "quotes": [
            (
                "A lower inflation rate does not give back what our members lost in the last three "
                "years."
            ),
        ],
        "tags": ["inflation", "wages"],
    },
    {
        "section": "world",
        "headline": "Spain signs migration deal with Mauritania",
        "paragraphs": [
            (
                "Spain and Mauritania have signed an agreement under which Madrid will fund "
                "coastal patrols and job training in exchange for closer cooperation on "
                "departures, the paper reports. The deal is worth 210 million euros over three "
                "years."
            ),
            (
                "{expert0} told the newspaper that similar agreements had reduced departures for a "
                "while but tended to shift them to neighbouring countries. She said the deal "
                "should include legal routes for seasonal workers, which the government has "
                "promised to study."
            ),
            (
                "According to the paper, it is the third such agreement Spain has signed with West "
                "African countries in a year. The opposition says Madrid is outsourcing border "
                "control without enough oversight of how the money is spent."
            ),
        ],
        "experts": ["carmen-aguirre-bastida"],
        "quotes": ["Money buys a pause in departures, not an end to them."],
        "tags": ["migration", "diplomacy"],
    },
    {
        "section": "politics",
        "headline": "Far-right party leads polls ahead of eastern state election",
        "paragraphs": [
            (
                "A far-right party is leading the polls ahead of next month's election in one of "
                "Germany's eastern states with 31 percent, the paper reports, five points ahead of "
                "the centre-right. All other parties have ruled out a coalition with it. The party "
                "has topped the polls in the state for almost a year."
            ),
            (
                "{expert0} told the paper that the result could make it almost impossible to form "
                "a majority government without an alliance of parties that agree on very little "
                "else. The newspaper notes that turnout in the state has risen at every election "
                "since 2016."
            ),
        ],
        "experts": ["matthias-brenner"],
        "quotes": [
            (
                "A firewall keeps the far right out of government, but it can also keep everyone "
                "else from governing."
            ),
        ],
        "tags": ["elections"],
    },
    {
        "section": "business",
        "headline": "Energy bills keep Irish inflation above euro area average",
        "paragraphs": [
            (
                "Irish consumer prices rose 3.1 percent in the year to last month, the paper "
                "reports, with electricity and gas bills still well above their levels of three "
                "years ago despite falling wholesale prices. Rents were the second biggest "
                "contributor. Food prices rose 2.4 percent."
            ),
            (
                "{expert0} told the newspaper that suppliers were slow to pass on lower wholesale "
                "costs because of hedging contracts signed at the peak. She called on the energy "
                "regulator to publish clearer figures on suppliers' margins."
            ),
            (
                "The paper notes that the government's energy credits, which cut every household's "
                "bill by 250 euros last year, will not be renewed. Charities warn that arrears "
                "on energy bills are at a record high."
            ),
        ],
        "experts": ["siobhan-keane"],
        "quotes": [
            "Prices went up like a rocket and are coming down like a feather.",
        ],
        "tags": ["inflation", "energy"],
    },
    {
        "section": "world",
        "headline": "At least 50 dead after boat capsizes off Senegal",
        "paragraphs": [
            (
                "At least 50 people died when a wooden boat carrying around 200 migrants capsized "
                "off the coast of Senegal, the paper reports, citing local authorities. Around 100 "
                "survivors were rescued by fishermen."
            ),
            (
                "The newspaper notes that more than 1,000 people have died on the Atlantic route "
                "so far this year, according to humanitarian organisations, making it the "
                "deadliest migration route into Europe. Arrivals on the route have nonetheless "
                "continued to rise."
            ),
            (
                "According to the paper, the boat had left a fishing village south of Dakar a week "
                "earlier. Senegalese authorities have arrested two men suspected of organising the "
                "crossing."
            ),
        ],
        "experts": [],
        "quotes": [],
        "tags": ["migration"],
    },
    {
        "section": "politics",
        "headline": "Defence minister revives debate on military service",
        "paragraphs": [
            (
                "Germany's defence minister has proposed a compulsory questionnaire for all "
                "18-year-olds and a selective form of military service, the paper reports, to lift "
                "the armed forces from 180,000 to 230,000 soldiers by the end of the decade. Youth "
                "organisations have already announced protests."
            ),
            (
                "{expert0} told the newspaper that volunteers alone would not fill the ranks. The "
                "country, he said, would have to have an honest debate about compulsory service."
            ),
            (
                "According to the paper, the coalition partners are divided on the plan. Some "
                "members of parliament are calling instead for a wider debate on a year of civic "
                "service for all young people."
            ),
        ],
        "experts": ["thomas-weidner"],
        "quotes": [
            "A bigger army needs more people, and people do not appear because the budget says so.",
        ],
        "tags": ["defence"],
    },
    {
        "section": "business",
        "headline": "Government launches tender for Lisbon-Madrid high-speed line",
        "paragraphs": [
            (
                "The government has opened the tender for the first Portuguese section of the "
                "Lisbon-Madrid high-speed line, a 160-kilometre stretch between Évora and the "
                "Spanish border, the paper reports. The contract is worth around 1.9 billion euros "
                "and includes 30 years of maintenance. The winner will also build two new "
                "stations."
            ),
            (
                "{expert0} told the newspaper that the timetable, which foresees trains running by "
                "2032, was realistic only if the environmental licences already granted survived "
                "legal challenges. The paper notes that half of the cost is expected to come from "
                "EU cohesion funds. Bids are due within four months."
            ),
        ],
        "experts": ["henrique-matos-pereira"],
        "quotes": [
            "The engineering is the easy part, the paperwork is where high-speed lines go to die.",
        ],
        "tags": ["rail", "transport", "eu"],
    },
    {
        "section": "world",
        "headline": "Governments propose return hubs outside the EU",
        "paragraphs": [
            (
                "A group of 14 member states has asked the Commission to allow return hubs in "
                "third countries for rejected asylum seekers, the paper reports. Spain and "
                "Portugal did not sign the letter."
            ),
            (
                "{expert0} told the paper that the idea faced serious legal obstacles, since EU "
                "law requires that people be returned to countries with which they have a real "
                "connection. She added that the plans would almost certainly end up before the "
                "European Court of Justice."
            ),
            (
                "The paper notes that the Commission has promised to propose new rules on returns "
                "in the coming months. Only around one in five people ordered to leave the EU "
                "currently does so."
            ),
        ],
        "experts": ["elise-dumont"],
        "quotes": [
            "You cannot return someone to a country they have never set foot in.",
        ],
        "tags": ["migration", "eu"],
    },
    {
        "section": "politics",
        "headline": "German cabinet approves pension package despite warnings on cost",
        "paragraphs": [
            (
                "The German cabinet has approved a pension package that guarantees payouts of at "
                "least 48 percent of average wages until 2039, the paper reports, financed partly "
                "by a new state-backed equity fund. Contributions will rise from 18.6 to 22 "
                "percent of gross pay over the next decade. Around 21 million pensioners are "
                "affected."
            ),
            (
                "The newspaper writes that business groups and younger members of parliament have "
                "criticised the plan for putting the burden on future workers. The unions, on the "
                "other hand, say it does not go far enough. The bill goes to parliament later "
                "in the year."
            ),
        ],
        "experts": [],
        "quotes": [],
        "tags": ["pensions", "budget"],
    },
    {
        "section": "business",
        "headline": "Three consortia bid for high-speed rail contract",
        "paragraphs": [
            (
                "Three groups have submitted bids for the Évora-border section of the high-speed "
                "line, the newspaper reports: the Portuguese-Spanish Consórcio Tejo-Guadiana, a "
                "group led by the German engineering firm Brückner Bau, and LusoRail, a consortium "
                "of Portuguese builders backed by a Chinese state contractor. Each group had to "
                "submit a technical plan and a fixed price."
            ),
            (
                "According to the paper, the presence of the Chinese partner has already raised "
                "questions in Brussels about foreign subsidies. The evaluation committee is "
                "expected to announce its ranking within eight weeks. The winner will be chosen on "
                "price and technical merit in equal measure."
            ),
        ],
        "experts": [],
        "quotes": [],
        "tags": ["rail", "transport"],
    },
    {
        "section": "world",
        "headline": "Allies weigh higher defence spending target",
        "paragraphs": [
            (
                "Defence ministers of the alliance meeting in Brussels discussed raising the "
                "spending target from 2 to 3.5 percent of GDP, the paper reports, with the eastern "
                "members pushing for an even higher figure. Spain, Belgium and Portugal remain "
                "well below the current target."
            ),
            (
                "{expert0} told the newspaper that Germany would reach 2 percent this year only "
                "thanks to its special fund. {expert1} said Belgium would need to double its "
                "defence budget in five years to meet the new goal, something no government had "
                "yet explained to voters."
            ),
        ],
        "experts": ["thomas-weidner", "hanne-claes"],
        "quotes": [
            "Germany is meeting the target with money borrowed for the purpose.",
            "Nobody in Belgium has yet told voters what this will cost them.",
        ],
        "tags": ["defence", "eu"],
    },
    {
        "section": "politics",
        "headline": "Polish parliament passes bill to overhaul judicial council",
        "paragraphs": [
            (
                "The Polish parliament has passed a bill changing how members of the National "
                "Council of the Judiciary are chosen, the paper reports, returning the selection "
                "of most of them to judges themselves. The government says the reform is needed to "
                "unlock EU funds and restore the rule of law."
            ),
            (
                "{expert0} told the paper that the bill was a necessary correction. It left "
                "unresolved, however, the status of around 2,500 judges appointed under the old "
                "system."
            ),
            (
                "According to the newspaper, the bill now goes to the president, who has three "
                "weeks to sign it, veto it or send it to the Constitutional Tribunal. His advisers "
                "have criticised it repeatedly."
            ),
        ],
        "experts": ["agnieszka-wroblewska"],
        "quotes": [
            "The law fixes the door but not the people who came in through the window.",
        ],
        "tags": ["courts", "eu"],
    },
    {
        "section": "business",
        "headline": "Lowest rail bid comes in 15 percent under budget",
        "paragraphs": [
            (
                "LusoRail's offer for the high-speed section is 15 percent below the state's "
                "reference price, the paper reveals, citing documents seen by its reporters, "
                "putting it well ahead of its two rivals on price. Its technical score, however, "
                "is the lowest of the three. The two other bids came in close to the reference "
                "price."
            ),
            (
                "{expert0} told the newspaper that such a discount was possible only by assuming "
                "very optimistic tunnelling costs. {expert1} warned that low bids for large public "
                "works in Portugal had a long history of ending in expensive contract revisions."
            ),
        ],
        "experts": ["henrique-matos-pereira", "duarte-nogueira"],
        "quotes": [
            (
                "Either they have found a way to dig cheaper than anyone in Europe, or they plan "
                "to renegotiate."
            ),
            "The cheapest contract on signing day is rarely the cheapest on opening day.",
        ],
        "tags": ["rail", "transport", "budget"],
    },
    {
        "section": "world",
        "headline": "Undersea power cable damaged in the Baltic",
        "paragraphs": [
            (
                "An undersea power cable between Finland and Estonia was damaged over the weekend, "
                "the paper reports, the third such incident in a year. Finnish authorities have "
                "detained a cargo ship suspected of dragging its anchor across the seabed."
            ),
            (
                "{expert0} told the paper that Europe's undersea infrastructure was almost "
                "impossible to protect along its whole length. Deterrence, he said, depended on "
                "making the culprits pay."
            ),
            (
                "The paper writes that investigators are examining the ship's route and its crew's "
                "communications. Electricity supplies in Estonia were not affected, thanks to "
                "other links with its neighbours."
            ),
        ],
        "experts": ["thomas-weidner"],
        "quotes": [
            (
                "You cannot guard every metre of cable, but you can make sure every ship knows it "
                "is being watched."
            ),
        ],
        "tags": ["defence", "energy"],
    },
    {
        "section": "politics",
        "headline": "President vetoes judicial reform bill",
        "paragraphs": [
            (
                "The Polish president has vetoed the bill on the judicial council, the newspaper "
                "reports, arguing that it would allow the government to purge judges it dislikes. "
                "The governing coalition lacks the three-fifths majority needed to override the "
                "veto."
            ),
            (
                "{expert0} told the newspaper that the veto confirmed that no lasting judicial "
                "reform was possible before the next presidential election. Both camps, he said, "
                "would now use the issue to mobilise their voters."
            ),
            (
                "The paper notes that it is the fourth veto of a government bill this year. "
                "Government ministers accused the president of protecting the allies of the "
                "previous government in the courts."
            ),
        ],
        "experts": ["piotr-lewandowicz"],
        "quotes": [
            (
                "Poland will have two legal systems until it has a president and a government on "
                "the same side."
            ),
        ],
        "tags": ["courts", "elections"],
    },
    {
        "section": "business",
        "headline": "Losing bidder challenges rail tender ranking",
        "paragraphs": [
            (
                "Consórcio Tejo-Guadiana has filed a complaint against the provisional ranking of "
                "the high-speed rail tender, the paper reports, arguing that the evaluation "
                "committee ignored the rules on abnormally low prices in favouring LusoRail. The "
                "complaint also questions whether the Chinese partner received state subsidies. "
                "LusoRail said it was confident the ranking would stand."
            ),
            (
                "{expert0} told the paper that the complaint had solid grounds under EU "
                "procurement law and could delay the award by several months. The government, the "
                "newspaper adds, insists the evaluation followed the rules to the letter. A first "
                "hearing is expected within weeks."
            ),
        ],
        "experts": ["miguel-tavares-cordeiro"],
        "quotes": [
            "Procurement rules exist precisely to ask whether a price is too good to be true.",
        ],
        "tags": ["rail", "courts", "eu"],
    },
    {
        "section": "world",
        "headline": "Poland builds air defences along eastern border",
        "paragraphs": [
            (
                "Poland has begun deploying new air defence systems along its eastern border, the "
                "paper reports, after several drones crossed into Polish airspace over the past "
                "month. The government is also building anti-tank obstacles along 400 kilometres "
                "of the frontier."
            ),
            (
                "{expert0} told the newspaper that the project enjoyed rare support across the "
                "political divide. Even the fiercest critics of the government, he noted, had "
                "voted for its funding."
            ),
            (
                "According to the newspaper, the cost of the border programme has risen to 2.5 "
                "billion euros. Warsaw wants the EU to cover part of it from the new joint defence "
                "budget."
            ),
        ],
        "experts": ["piotr-lewandowicz"],
        "quotes": [
            "On the eastern border, government and opposition still speak the same language.",
        ],
        "tags": ["defence", "eu"],
    },
    {
        "section": "politics",
        "headline": "Judges protest in Warsaw over disputed appointments",
        "paragraphs": [
            (
                "Several hundred judges in robes gathered outside the Supreme Court in Warsaw on "
                "Saturday, the paper reports, to protest against rulings by judges whose "
                "appointments are disputed. Similar gatherings took place in Kraków and Gdańsk."
            ),
            (
                "{expert0} told the paper that ordinary citizens were the real victims of the "
                "dispute. Verdicts issued by disputed judges, she explained, could be overturned "
                "years later."
            ),
            (
                "The newspaper notes that the justice ministry has proposed a law to review every "
                "disputed appointment case by case. The judges' associations say such a review "
                "would take years and should be done by the courts themselves."
            ),
        ],
        "experts": ["agnieszka-wroblewska"],
        "quotes": [
            "A citizen who wins a case today cannot be sure the victory will last.",
        ],
        "tags": ["courts", "protests"],
    },
    {
        "section": "business",
        "headline": "Court suspends award of high-speed rail contract",
        "paragraphs": [
            (
                "The administrative court in Lisbon has suspended the award of the high-speed rail "
                "contract pending a ruling on the complaint by Consórcio Tejo-Guadiana, the "
                "newspaper reports. The decision comes days after prosecutors confirmed they were "
                "looking into contacts between a ministry official and one of the bidders."
            ),
            (
                "{expert0} told the paper that each month of delay would add roughly ten million "
                "euros to the project's cost. He warned that part of the EU funding could be lost, "
                "since it must be spent by a fixed deadline."
            ),
        ],
        "experts": ["henrique-matos-pereira"],
        "quotes": ["Brussels does not pay for trains that are still in court."],
        "tags": ["rail", "courts", "corruption", "eu"],
    },
    {
        "section": "world",
        "headline": "Spanish arms makers win share of European ammunition orders",
        "paragraphs": [
            (
                "Spanish manufacturers will supply around 15 percent of the shells in the EU's "
                "first joint ammunition order, the paper reports, with factories in the south and "
                "north of the country expanding production and hiring. The contracts are worth "
                "around 900 million euros."
            ),
            (
                "{expert0} told the paper that Spain's defence industry had long been "
                "underestimated and could grow faster than its defence budget. He said the "
                "industry now employed more people than at any time since the 1980s."
            ),
            (
                "The paper writes that several regional governments are competing to host new "
                "production lines, offering land and tax breaks. Trade unions have welcomed the "
                "jobs but called for clear rules on exports."
            ),
        ],
        "experts": ["raul-dominguez-pena"],
        "quotes": [
            "Spain's arms industry has more capacity than Spain's politicians like to admit.",
        ],
        "tags": ["defence", "industry", "eu"],
    },
    {
        "section": "politics",
        "headline": "Brussels releases further EU funds to Poland",
        "paragraphs": [
            (
                "The European Commission has approved a payment of 6 billion euros from Poland's "
                "recovery funds, the newspaper reports, citing progress on judicial independence "
                "despite the presidential veto. Warsaw has now received about half of the money it "
                "was originally allocated."
            ),
            (
                "{expert0} told the paper that the Commission was rewarding the government's "
                "intentions rather than its results. That choice, he said, could backfire if other "
                "member states demanded the same flexibility."
            ),
            (
                "According to the paper, the government plans to spend most of the new payment on "
                "rail upgrades and energy networks. The opposition accused ministers of "
                "celebrating money that had been due to Poland all along."
            ),
        ],
        "experts": ["pieter-van-damme"],
        "quotes": [
            "Brussels is paying for a promise, and others will notice the precedent.",
        ],
        "tags": ["courts", "eu"],
    },
    {
        "section": "business",
        "headline": "Spanish section of high-speed link faces new delays",
        "paragraphs": [
            (
                "Works on the Spanish side of the Lisbon-Madrid line between Badajoz and Plasencia "
                "will be finished two years later than planned, the paper reports, citing the "
                "infrastructure ministry's latest schedule. Problems with a viaduct over the Tagus "
                "and a shortage of qualified workers are blamed."
            ),
            (
                "According to the newspaper, this means that even if Portugal completes its "
                "section on time, passengers will still change trains or travel on slower track "
                "for part of the journey until at least 2034. The Portuguese government has asked "
                "Madrid for a detailed plan to catch up."
            ),
        ],
        "experts": [],
        "quotes": [],
        "tags": ["rail", "transport"],
    },
    {
        "section": "world",
        "headline": "Floods in central Europe force thousands from their homes",
        "paragraphs": [
            (
                "Heavy rain has caused rivers in Austria, the Czech Republic and southern Poland "
                "to burst their banks, the newspaper reports, forcing more than 10,000 people to "
                "leave their homes. At least six people have died."
            ),
            (
                "{expert0} told the paper that a warmer atmosphere held more moisture, making "
                "short bursts of extreme rainfall more likely even in regions that were getting "
                "drier on average. She said flood defences designed on the basis of past records "
                "were no longer enough."
            ),
            (
                "The paper notes that the EU has offered help through its civil protection "
                "mechanism. Insurers estimate the damage at several billion euros."
            ),
        ],
        "experts": ["niamh-gallagher"],
        "quotes": [
            "Drought and flood are no longer opposites, they are neighbours on the calendar.",
        ],
        "tags": ["climate", "water", "eu"],
    },
    {
        "section": "politics",
        "headline": "Polish farmers block roads in protest at grain imports",
        "paragraphs": [
            (
                "Farmers blocked roads with tractors at more than 150 locations across Poland on "
                "Tuesday, the paper reports, in protest at grain imports from outside the EU and "
                "at environmental rules they say are driving them out of business. Border "
                "crossings in the east were slowed for hours."
            ),
            (
                "{expert0} told the newspaper that farmers felt abandoned by both Warsaw and "
                "Brussels. The protests, she said, would continue until the sowing season."
            ),
            (
                "According to the paper, the agriculture minister has invited farmers' leaders to "
                "talks next week. The government has also asked Brussels for permission to "
                "restrict imports of some grains temporarily."
            ),
        ],
        "experts": ["ewa-jablonska"],
        "quotes": [
            "We are told to feed Europe and then told our grain is too expensive.",
        ],
        "tags": ["agriculture", "protests", "trade", "eu"],
    },
    {
        "section": "business",
        "headline": "Government signs rail contract after court lifts suspension",
        "paragraphs": [
            (
                "The government signed the contract for the Évora-border section of the high-speed "
                "line with LusoRail on Wednesday, the paper reports, hours after the "
                "administrative court lifted its suspension. The court found no evidence that the "
                "price was abnormally low, but said the prosecutors' inquiry could continue."
            ),
            (
                "{expert0} told the paper that the government had signed in a hurry to protect the "
                "EU funding. It would now have to monitor the contract closely, he said, to avoid "
                "the costly revisions that had plagued earlier public works."
            ),
        ],
        "experts": ["duarte-nogueira"],
        "quotes": [
            "Signing fast is easy, signing well is what the auditors will judge.",
        ],
        "tags": ["rail", "transport", "budget", "eu"],
    },
    {
        "section": "world",
        "headline": "Morocco imposes water rationing as drought enters seventh year",
        "paragraphs": [
            (
                "Moroccan authorities have cut tap water supply at night in several cities and "
                "closed public baths three days a week, the paper reports, as reservoirs fall "
                "below a quarter of capacity after six years of drought. Wheat production has "
                "collapsed. Farmers have been banned from planting water-hungry crops such as "
                "watermelons."
            ),
            (
                "{expert0} told the newspaper that the drought across the western Mediterranean, "
                "from the Maghreb to southern Spain, was part of the same pattern and should be "
                "managed jointly. She said Spain and Morocco should share data on reservoirs and "
                "groundwater, as they already do on migration."
            ),
        ],
        "experts": ["elena-marin-soto"],
        "quotes": ["The drought does not stop at the Strait of Gibraltar."],
        "tags": ["drought", "water", "agriculture"],
    },
    {
        "section": "politics",
        "headline": "Housing dominates Dublin by-election campaign",
        "paragraphs": [
            (
                "Housing has dominated the campaign for next week's by-election in Dublin "
                "South-Central, the paper reports, with every candidate promising more social "
                "homes and faster planning decisions. Canvassers say rents come up at almost every "
                "door."
            ),
            (
                "{expert0} told the newspaper that by-elections in Ireland rarely favoured "
                "government candidates. An independent housing campaigner, he said, had a real "
                "chance of taking the seat."
            ),
            (
                "The paper notes that the constituency has one of the highest proportions of "
                "renters in the country, with almost half of households renting privately. Polling "
                "day is Friday, and counting begins on Saturday morning."
            ),
        ],
        "experts": ["declan-moriarty"],
        "quotes": [
            "By-elections are a free kick for voters, and this electorate wants to kick.",
        ],
        "tags": ["elections", "housing"],
    },
    {
        "section": "business",
        "headline": "Olive oil prices jump as drought grips Andalusia",
        "paragraphs": [
            (
                "Wholesale olive oil prices in Jaén have risen 40 percent since the start of the "
                "year, the paper reports, as growers warn that a third dry year could halve the "
                "next harvest. Some supermarkets have begun putting security tags on bottles of "
                "extra virgin oil. Exports have fallen by a third."
            ),
            (
                "{expert0} told the newspaper that many smaller growers would not survive without "
                "emergency aid and were already selling land to investment funds. The paper adds "
                "that irrigation quotas in the Guadalquivir basin have been cut to a quarter of "
                "normal levels. The regional government has asked Madrid for emergency funds."
            ),
        ],
        "experts": ["alvaro-cienfuegos-prat"],
        "quotes": [
            "Olive trees can survive a drought, but the families who tend them cannot.",
        ],
        "tags": ["drought", "agriculture", "inflation"],
    },
    {
        "section": "world",
        "headline": "EU governments clash over 2040 climate target",
        "paragraphs": [
            (
                "Environment ministers failed to agree on a target of cutting emissions by 90 "
                "percent by 2040, the paper reports, after several central European governments "
                "demanded more flexibility. A compromise would allow part of the cuts to be made "
                "through international credits. Ministers will try again next month."
            ),
            (
                "{expert0} told the paper that buying credits abroad would let Europe meet its "
                "target on paper while delaying changes at home. {expert1} said the target was "
                "achievable, but only if investment in the power grid was doubled. The paper notes "
                "that the target still needs the approval of the European Parliament."
            ),
        ],
        "experts": ["niamh-gallagher", "sabine-hollerbach"],
        "quotes": [
            "Credits are the climate equivalent of paying someone else to go to the gym.",
            "The target is not the problem, the cables are.",
        ],
        "tags": ["climate", "eu"],
    },
    {
        "section": "politics",
        "headline": "Independent housing campaigner wins Dublin by-election",
        "paragraphs": [
            (
                "An independent candidate who founded a tenants' group in the constituency won the "
                "Dublin by-election on the fourth count, the paper reports, beating the government "
                "candidate by around 2,000 votes. Turnout was 38 percent."
            ),
            (
                "{expert0} told the paper the result was a warning for the government ahead of the "
                "general election. {expert1} said the winner's campaign had shown that tenants "
                "were now an organised political constituency."
            ),
            (
                "The paper writes that the new deputy has promised to vote with the opposition on "
                "housing. The result leaves the government with a majority of three."
            ),
        ],
        "experts": ["declan-moriarty", "aoife-brennan"],
        "quotes": [
            "The government lost a seat and gained a very clear message.",
            "Renters used to be invisible at elections, now they are a bloc.",
        ],
        "tags": ["elections", "housing"],
    },
    {
        "section": "business",
        "headline": "Alentejo farmers face irrigation cuts as reservoirs drop",
        "paragraphs": [
            (
                "Farmers drawing water from the Alqueva reservoir will have their allocations cut "
                "by 30 percent from next month, the paper reports, the first restriction since the "
                "dam was filled. The reservoir is at 58 percent of capacity, its lowest level at "
                "this time of year in a decade."
            ),
            (
                "{expert0} told the paper that the cuts would fall hardest on almond and olive "
                "plantations that had expanded rapidly on the promise of unlimited water. He said "
                "farmers had been warned, but that planning had lagged behind planting."
            ),
        ],
        "experts": ["nuno-barroso-lima"],
        "quotes": ["We built an oasis and then planted as if it had no edge."],
        "tags": ["drought", "agriculture", "water"],
    },
    {
        "section": "world",
        "headline": "UN climate talks open in Bonn amid funding row",
        "paragraphs": [
            (
                "Interim UN climate negotiations opened in Bonn with developing countries "
                "demanding clear commitments on how a new climate finance goal will be met, the "
                "newspaper reports. Negotiators from rich countries insist that private investment "
                "should count."
            ),
            (
                "According to the paper, the talks are meant to prepare the ground for the annual "
                "summit later in the year, but diplomats expect little progress before then. Many "
                "delegations are sending junior officials rather than ministers."
            ),
            (
                "The paper notes that the EU's own position has been weakened by the dispute among "
                "member states over its 2040 target. Several small island states accused Europe of "
                "backtracking."
            ),
        ],
        "experts": [],
        "quotes": [],
        "tags": ["climate", "diplomacy", "eu"],
    },
    {
        "section": "politics",
        "headline": "Government extends rent controls to the whole country",
        "paragraphs": [
            (
                "The Irish government will extend rent pressure zones, which limit rent rises to 2 "
                "percent a year, to the entire country, the newspaper reports, a month after "
                "losing the Dublin by-election. The measure will take effect next quarter. "
                "Landlords' groups said the decision was taken in a hurry to win back voters."
            ),
            (
                "{expert0} welcomed the move but told the paper that rents on new tenancies "
                "remained unregulated and were still rising fast. {expert1} said the measure could "
                "slow investment in new rental apartments unless it was paired with incentives for "
                "builders."
            ),
        ],
        "experts": ["aoife-brennan", "siobhan-keane"],
        "quotes": [
            "A cap on rises is welcome, but it starts from rents that are already far too high.",
            (
                "Investors build where the rules are stable, and these rules have changed four "
                "times in five years."
            ),
        ],
        "tags": ["housing"],
    },
    {
        "section": "business",
        "headline": "Hydropower output halves as drought drains Iberian rivers",
        "paragraphs": [
            (
                "Hydroelectric plants in Spain and Portugal produced half their usual output in "
                "the past month, the paper reports, forcing grid operators to burn more gas at a "
                "time of year when reservoirs are usually full. Wholesale electricity prices rose "
                "18 percent compared with the month before."
            ),
            (
                "{expert0} told the newspaper that the record build-out of solar power had "
                "softened the blow during the day. Evenings, however, remained expensive because "
                "storage capacity was still tiny."
            ),
            (
                "The paper notes that both countries plan large pumped-storage projects. None of "
                "them will be ready before 2028."
            ),
        ],
        "experts": ["pablo-herranz-quiles"],
        "quotes": [
            "The sun has saved our afternoons, but nobody has yet saved our evenings.",
        ],
        "tags": ["drought", "energy", "water"],
    },
    {
        "section": "world",
        "headline": "Record warmth leaves Alpine ski resorts without snow",
        "paragraphs": [
            (
                "Dozens of ski resorts in the Alps closed early this season after one of the "
                "warmest ski seasons on record, the paper reports, with lower-altitude stations in "
                "Austria, Switzerland and France worst hit. Some have announced they will not "
                "reopen. Snow cover at 1,000 metres was the lowest since records began."
            ),
            (
                "{expert0} told the newspaper that resorts below 1,500 metres would have to "
                "reinvent themselves as year-round destinations for hiking and cycling, as some "
                "Portuguese mountain villages had done. She said public money should support that "
                "transition rather than pay for new snow cannons."
            ),
        ],
        "experts": ["sofia-quintela"],
        "quotes": ["The future of many ski villages lies beyond the ski season."],
        "tags": ["climate", "tourism"],
    },
    {
        "section": "politics",
        "headline": "Record number of patients on trolleys in Irish hospitals",
        "paragraphs": [
            (
                "A record 931 patients were waiting on trolleys for a hospital bed on Tuesday, the "
                "paper reports, citing a count by the nurses' union, with hospitals in the "
                "mid-west again the worst affected. The health minister said new beds would open "
                "within months. Some patients waited more than 24 hours."
            ),
            (
                "The newspaper writes that the crisis is blamed on a late flu wave and on a "
                "shortage of nursing home places for patients who are ready to be discharged. The "
                "nurses' union has called for an emergency meeting with the minister."
            ),
        ],
        "experts": [],
        "quotes": [],
        "tags": ["healthcare"],
    },
    {
        "section": "business",
        "headline": "Madrid approves 800 million euro drought package for farmers",
        "paragraphs": [
            (
                "The Spanish cabinet approved an 800 million euro package of direct aid, tax "
                "deferrals and cheap loans for farmers hit by the drought, the newspaper reports. "
                "The plan also funds emergency desalination plants in Catalonia and Andalusia. "
                "Farmers' associations had asked for twice as much."
            ),
            (
                "{expert0} told the paper the money would help growers survive the year but said "
                "nothing about the long-term future of farming in the south. {expert1} said "
                "desalination could secure drinking water for cities but would remain far too "
                "expensive for most crops. The opposition called the package too little, too late."
            ),
        ],
        "experts": ["alvaro-cienfuegos-prat", "elena-marin-soto"],
        "quotes": [
            "This is a life jacket, not a boat.",
            "Desalinated water is good for taps, not for tractors.",
        ],
        "tags": ["drought", "agriculture", "budget"],
    },
    {
        "section": "world",
        "headline": "North Sea countries agree to build shared offshore grid",
        "paragraphs": [
            (
                "Nine North Sea countries, including Belgium, Germany and Ireland, have agreed to "
                "connect their offshore wind farms through a shared grid, the paper reports, so "
                "that power can flow to whichever country needs it most. The first interconnected "
                "hub is planned off the Belgian coast."
            ),
            (
                "{expert0} told the paper that the agreement was a rare example of European energy "
                "cooperation that did not need Brussels to force it. He said the real test would "
                "be agreeing how to share the costs."
            ),
            (
                "The paper notes that Ireland, whose wind resources are among the best in Europe, "
                "hopes to become a net exporter of electricity by the late 2030s. Belgium expects "
                "to be a net importer."
            ),
        ],
        "experts": ["pieter-van-damme"],
        "quotes": [
            (
                "This is Europe building something together because it pays, not because it is "
                "told to."
            ),
        ],
        "tags": ["energy", "climate", "eu"],
    },
    {
        "section": "politics",
        "headline": "Ireland debates what to do with corporate tax windfall",
        "paragraphs": [
            (
                "Ireland's corporate tax revenue reached a new record last year, the paper "
                "reports, largely because of a handful of American tech and pharmaceutical "
                "companies. The government wants to put most of the surplus into two long-term "
                "funds for infrastructure and climate. The opposition wants part of the money "
                "spent now on housing."
            ),
            (
                "{expert0} told the newspaper that relying on so few companies was the biggest "
                "risk to the public finances. {expert1} said the money should be invested in the "
                "grid and the water infrastructure that tech firms need to keep expanding."
            ),
        ],
        "experts": ["siobhan-keane", "ciaran-fallon"],
        "quotes": [
            (
                "Ten companies pay more than half of the tax, and that is not a foundation, it is "
                "a bet."
            ),
            "If we want the windfall to last, we have to build what the companies need.",
        ],
        "tags": ["budget", "technology", "taxation"],
    },
    {
        "section": "business",
        "headline": "Heavy rains bring relief but reservoirs remain low",
        "paragraphs": [
            (
                "Heavy rain across the Iberian Peninsula over the past week lifted reservoir "
                "levels by four points on average, the paper reports, the first significant rise "
                "in more than a year. Farmers in the Ebro and Douro basins welcomed the downpours. "
                "In some parts of Andalusia, more rain fell in three days than in the previous six "
                "months."
            ),
            (
                "{expert0} told the newspaper that most of the rain had fallen on parched soil and "
                "that little would reach the reservoirs. {expert1} said irrigation restrictions in "
                "the Alentejo should stay in place until at least the end of the year."
            ),
        ],
        "experts": ["elena-marin-soto", "nuno-barroso-lima"],
        "quotes": [
            "Dry ground drinks first, and the reservoirs get the leftovers.",
            "One good week does not refill three bad years.",
        ],
        "tags": ["drought", "climate", "water"],
    },
    {
        "section": "world",
        "headline": "Brazil and Portugal sign agreement on recognition of degrees",
        "paragraphs": [
            (
                "Portugal and Brazil have signed an agreement on the automatic recognition of "
                "university degrees, the newspaper reports, during a visit by the Brazilian "
                "foreign minister to Lisbon. The deal will make it easier for Brazilian doctors "
                "and engineers to work in Portugal."
            ),
            (
                "According to the paper, Brazilians are already the largest foreign community in "
                "Portugal, with more than 400,000 residents. Brazilian doctors have so far had to "
                "wait up to two years for their qualifications to be recognised."
            ),
            (
                "The paper writes that the two governments also discussed direct flights and a "
                "joint fund for universities. Portuguese medical associations, it adds, want "
                "language and training requirements to be kept."
            ),
        ],
        "experts": [],
        "quotes": [],
        "tags": ["diplomacy", "education"],
    },
    {
        "section": "politics",
        "headline": "Irish government moves to scrap triple lock on troop deployments",
        "paragraphs": [
            (
                "The government has published a bill to remove the so-called triple lock, which "
                "requires a UN mandate for Irish troops to take part in missions abroad, the "
                "newspaper reports. Opposition parties accuse it of undermining neutrality."
            ),
            (
                "{expert0} told the paper that neutrality remained very popular with voters. The "
                "government, he said, was taking a political risk for a change that would affect "
                "only a handful of missions."
            ),
            (
                "According to the paper, the bill is expected to pass with the support of "
                "government deputies, but the debate has exposed divisions within the smaller "
                "coalition party. A protest is planned outside parliament next week."
            ),
        ],
        "experts": ["declan-moriarty"],
        "quotes": [
            (
                "Neutrality is part of how the Irish see themselves, not just a line in a defence "
                "policy."
            ),
        ],
        "tags": ["defence"],
    },
    {
        "section": "business",
        "headline": "Polish grain farmers face slump in prices",
        "paragraphs": [
            (
                "Wheat prices at Polish elevators have fallen to their lowest level in four years, "
                "the paper reports, as cheap imports and a strong harvest in neighbouring "
                "countries flood the market. Many farmers are storing grain in the hope of better "
                "prices, leaving warehouses full ahead of the new season. Some have stopped paying "
                "their fertiliser suppliers."
            ),
            (
                "{expert0} told the newspaper that farmers were selling below the cost of "
                "production. She called on the government to buy part of the surplus for the "
                "strategic reserve. The agriculture ministry says it is studying the idea."
            ),
        ],
        "experts": ["ewa-jablonska"],
        "quotes": ["We are paying to grow food that nobody wants to pay for."],
        "tags": ["agriculture", "trade"],
    },
    {
        "section": "world",
        "headline": "Portuguese banks cut exposure to Angola",
        "paragraphs": [
            (
                "Portuguese banks have reduced their loans to Angolan clients by a third in two "
                "years, the paper reports, as falling oil revenues and a weaker kwanza hit the "
                "country's companies. Several are selling their stakes in Angolan subsidiaries."
            ),
            (
                "{expert0} told the newspaper that Angola remained an important market for "
                "Portuguese companies, but that banks no longer wanted to carry the currency risk. "
                "He said the withdrawal left room for Chinese and Gulf banks to expand."
            ),
            (
                "The paper notes that Portuguese companies remain among the largest investors in "
                "Angola. They are particularly present in construction, food retail and "
                "telecommunications."
            ),
        ],
        "experts": ["paulo-antunes"],
        "quotes": [
            (
                "Angola is still a market for Portuguese firms, just no longer a market for "
                "Portuguese balance sheets."
            ),
        ],
        "tags": ["banking", "diplomacy"],
    },
    {
        "section": "politics",
        "headline": "Doctors' strike closes emergency departments across Portugal",
        "paragraphs": [
            (
                "Emergency departments at eight hospitals closed overnight during a three-day "
                "strike by hospital doctors, the paper reports, with patients redirected by "
                "ambulance to other cities. The doctors refuse to work more than the legal limit "
                "of 150 hours of overtime a year."
            ),
            (
                "{expert0} told the newspaper that the national health service was running on "
                "overtime. The strike, she said, had simply exposed how many doctors were missing."
            ),
            (
                "According to the paper, the health minister called the strike disproportionate "
                "and said the government's offer of a 10 percent pay rise remained on the table. "
                "The union says pay is only part of the problem."
            ),
        ],
        "experts": ["ines-carvalhal"],
        "quotes": [
            (
                "The system did not break this week, it was already broken and held together by "
                "tired doctors."
            ),
        ],
        "tags": ["healthcare", "strikes", "labour"],
    },
    {
        "section": "business",
        "headline": "Banco Lusitano launches takeover bid for Caixa Popular do Sul",
        "paragraphs": [
            (
                "Banco Lusitano de Crédito has offered 1.2 billion euros for Caixa Popular do Sul, "
                "the paper reports, in what would be the largest Portuguese banking deal in a "
                "decade. The combined bank would hold around a fifth of the domestic deposit "
                "market. Caixa Popular's board will give its opinion within three weeks."
            ),
            (
                "{expert0} told the newspaper that the deal made sense on paper because the two "
                "banks' branch networks barely overlapped. She warned, however, that the "
                "competition authority would look closely at the Algarve, where the combined group "
                "would dominate lending."
            ),
        ],
        "experts": ["ana-ribeiro"],
        "quotes": ["It is a good fit on a map and a harder one in Faro."],
        "tags": ["banking"],
    },
    {
        "section": "world",
        "headline": "Morocco and Spain reopen customs posts at Ceuta and Melilla",
        "paragraphs": [
            (
                "Commercial customs posts at Ceuta and Melilla have reopened for the first time in "
                "years, the paper reports, under an agreement between Madrid and Rabat. Only a few "
                "lorries crossed on the first day, carrying household goods and cleaning products. "
                "The crossings had been closed for years."
            ),
            (
                "{expert0} told the paper that the reopening was more symbolic than economic for "
                "now, but could become significant if the list of permitted goods was widened. He "
                "noted that exporters in Valencia and Murcia were already asking for fruit and "
                "vegetables to be added."
            ),
        ],
        "experts": ["sergio-llorente-vidal"],
        "quotes": [
            "Today it is detergent, tomorrow it could be a real trade route.",
        ],
        "tags": ["trade", "diplomacy"],
    },
    {
        "section": "politics",
        "headline": "Health minister reaches deal with hospital doctors",
        "paragraphs": [
            (
                "The health ministry and the doctors' union signed an agreement that raises base "
                "pay by 12 percent over two years, the paper reports, in exchange for doctors "
                "working longer emergency shifts. The union has suspended further strikes."
            ),
            (
                "{expert0} told the paper the deal would help keep young doctors from emigrating. "
                "It would not, however, fix the shortage of family doctors, with 1.6 million "
                "people still without one."
            ),
            (
                "The paper writes that nurses' unions immediately demanded a similar deal and have "
                "threatened strikes in the coming months. The finance ministry estimates the cost "
                "of the doctors' agreement at 180 million euros a year."
            ),
        ],
        "experts": ["ines-carvalhal"],
        "quotes": [
            "Higher pay will slow the exits, but it will not fill the gaps in the interior.",
        ],
        "tags": ["healthcare", "wages"],
    },
    {
        "section": "business",
        "headline": "Bank merger could cost up to 1,500 jobs, unions warn",
        "paragraphs": [
            (
                "The banking unions estimate that the merger of Banco Lusitano and Caixa Popular "
                "do Sul could cost up to 1,500 jobs and close 200 branches, the newspaper reports, "
                "mostly in small towns of the interior. Banco Lusitano says it has no closure plan "
                "yet. Unions have called a protest outside its Lisbon headquarters."
            ),
            (
                "{expert0} told the paper that the government had little power to block the deal. "
                "It could, he said, make regulatory approval conditional on keeping branches open "
                "in areas with no other bank. The opposition has asked for a parliamentary debate "
                "on the deal."
            ),
        ],
        "experts": ["duarte-nogueira"],
        "quotes": [
            "A village without a bank branch is one step closer to a village without people.",
        ],
        "tags": ["banking", "labour"],
    },
    {
        "section": "world",
        "headline": "EU and Britain begin talks on closer cooperation",
        "paragraphs": [
            (
                "EU and British officials held the first formal round of talks on a wider security "
                "and trade partnership, the newspaper reports, including a possible youth mobility "
                "scheme and an agreement on food standards. Ireland is among the strongest "
                "supporters of closer ties."
            ),
            (
                "{expert0} told the paper that an agreement on food standards would remove most "
                "checks on goods crossing the Irish Sea to Northern Ireland. {expert1} said the "
                "talks would be slow because London wanted to avoid anything that looked like "
                "rejoining the single market."
            ),
        ],
        "experts": ["declan-moriarty", "pieter-van-damme"],
        "quotes": [
            (
                "A veterinary deal would do more for Northern Ireland than years of political "
                "statements."
            ),
            "Both sides want a closer relationship, and neither wants to call it one.",
        ],
        "tags": ["diplomacy", "trade", "eu"],
    },
    {
        "section": "politics",
        "headline": "Surgery waiting times at record high in northern hospitals",
        "paragraphs": [
            (
                "Patients in the north of Portugal are waiting an average of 14 months for "
                "orthopaedic surgery, the newspaper reports, citing health ministry data, almost "
                "twice the maximum time guaranteed by law. Some hospitals have started sending "
                "patients to private clinics at the state's expense. In some hospitals, patients "
                "needing a hip replacement wait more than two years."
            ),
            (
                "The paper writes that the backlog was made worse by the doctors' strike, during "
                "which around 4,000 planned operations were postponed. The health ministry has "
                "promised extra operating sessions at weekends to clear the backlog."
            ),
        ],
        "experts": [],
        "quotes": [],
        "tags": ["healthcare"],
    },
    {
        "section": "business",
        "headline": "Spain extends windfall tax on banks for two more years",
        "paragraphs": [
            (
                "The Spanish government will keep its temporary levy on bank revenues until the "
                "end of next year, the paper reports, despite complaints from lenders that it "
                "penalises them just as interest rates start to fall. The tax raised around three "
                "billion euros last year. Spain's largest banks have challenged the tax in court."
            ),
            (
                "{expert0} told the newspaper that the tax had been designed for an exceptional "
                "moment that was now ending. He warned that it risked becoming permanent simply "
                "because governments dislike giving up revenue. He also questioned whether it was "
                "compatible with EU law."
            ),
        ],
        "experts": ["javier-ortega-salvat"],
        "quotes": ["Nothing is more permanent than a temporary tax."],
        "tags": ["banking", "taxation", "eu"],
    },
    {
        "section": "world",
        "headline": "Chinese trade delegation courts Spanish investors",
        "paragraphs": [
            (
                "A Chinese delegation of 80 business leaders visited Madrid this week, the paper "
                "reports, offering investment in batteries, solar panels and ports as Spain "
                "positions itself as China's friendliest partner in the EU. Several agreements "
                "were signed for factories in Aragon and Extremadura. Spanish ministers stressed "
                "that all the projects would respect EU rules."
            ),
            (
                "{expert0} told the newspaper that Spain was taking advantage of EU tariffs to "
                "attract Chinese factories, but risked friction with partners that wanted a "
                "tougher line on Beijing. He recalled that several member states had criticised "
                "Spain for abstaining on the electric car tariffs."
            ),
        ],
        "experts": ["marc-lejeune"],
        "quotes": [
            (
                "Madrid is turning European tariffs into Spanish jobs, and not everyone in "
                "Brussels likes it."
            ),
        ],
        "tags": ["diplomacy", "trade", "industry", "eu"],
    },
    {
        "section": "politics",
        "headline": "Belgian government unveils pension reform",
        "paragraphs": [
            (
                "The Belgian federal government has presented a pension reform that introduces a "
                "penalty for retiring before 67 with fewer than 42 years of work, the paper "
                "reports. The unions have announced a national day of action."
            ),
            (
                "{expert0} told the paper that the reform would save around 0.5 percent of GDP by "
                "2035. Its effect on women, who have shorter careers on average, had been "
                "underestimated, he said."
            ),
            (
                "According to the newspaper, the unions say the reform ignores the hard physical "
                "work done by many people who started their careers young. The government plans to "
                "have the law adopted before the next parliamentary recess."
            ),
        ],
        "experts": ["marc-lejeune"],
        "quotes": [
            "The reform is balanced on paper and unbalanced in practice for many women.",
        ],
        "tags": ["pensions", "labour"],
    },
    {
        "section": "business",
        "headline": "German regional lender books loss on office property loans",
        "paragraphs": [
            (
                "Weserbank, a regional lender based in Bremen, reported its first annual loss in "
                "fifteen years, the paper writes, after setting aside 600 million euros for soured "
                "loans to office developers. Its shares fell 12 percent. The bank's chief "
                "executive said it remained well capitalised."
            ),
            (
                "{expert0} told the paper the problem was concentrated in a handful of mid-sized "
                "banks that had lent heavily against offices in secondary cities. {expert1} said "
                "office values in cities like Düsseldorf and Hanover had fallen by a quarter since "
                "their peak as companies adapted to remote working."
            ),
        ],
        "experts": ["katrin-vogelsang", "anja-richter-blum"],
        "quotes": [
            "This is a regional problem with a national address.",
            (
                "Empty offices do not show up in the figures until the leases expire, and many are "
                "expiring now."
            ),
        ],
        "tags": ["banking", "housing"],
    },
    {
        "section": "world",
        "headline": "Warsaw hosts conference on Ukraine's reconstruction",
        "paragraphs": [
            (
                "Government ministers and business leaders from 40 countries gathered in Warsaw to "
                "discuss the reconstruction of Ukraine, the paper reports, with pledges focused on "
                "energy infrastructure and housing. Polish construction firms hope to win a large "
                "share of the contracts. Around 300 agreements were signed over the two days."
            ),
            (
                "{expert0} told the newspaper that Polish companies had an advantage in logistics "
                "and language but would need guarantees from international lenders to take on the "
                "risk. He said Polish firms had learned from delays and unpaid bills on earlier "
                "projects in the region."
            ),
        ],
        "experts": ["tomasz-kaczmarczyk"],
        "quotes": [
            "Polish builders are ready, what they need is someone to insure the risk.",
        ],
        "tags": ["diplomacy", "energy", "housing"],
    },
    {
        "section": "politics",
        "headline": "Brussels region still without a government after 600 days",
        "paragraphs": [
            (
                "The Brussels regional parliament has passed 600 days without forming a "
                "government, the paper reports, a record even by Belgian standards. The outgoing "
                "ministers can only handle current affairs, leaving the region's budget frozen at "
                "old levels."
            ),
            (
                "{expert0} told the newspaper that the deadlock was caused as much by the region's "
                "complex language rules as by disputes between the parties. He said only a reform "
                "of the institutions would prevent the next deadlock."
            ),
            (
                "The paper notes that the region's debt has risen sharply during the deadlock, and "
                "that credit rating agencies have warned they could downgrade it. Public transport "
                "and social housing projects are on hold."
            ),
        ],
        "experts": ["pieter-van-damme"],
        "quotes": [
            (
                "Brussels has invented a political system that needs two majorities and then found "
                "neither."
            ),
        ],
        "tags": ["coalition"],
    },
    {
        "section": "business",
        "headline": "Irish mortgage arrears fall to lowest level since the crisis",
        "paragraphs": [
            (
                "The number of Irish mortgages in long-term arrears fell below 20,000 for the "
                "first time since the financial crisis, the paper reports, though thousands of "
                "borrowers remain with loans sold to investment funds. The paper interviews a "
                "family in Limerick who have been in arrears for eleven years. Most of the "
                "remaining cases are in Dublin and the commuter counties."
            ),
            (
                "{expert0} told the newspaper that the remaining cases were the hardest ones. A "
                "dedicated resolution scheme was needed, she said, rather than waiting for them to "
                "fade away. The central bank has promised to review the conduct of the funds."
            ),
        ],
        "experts": ["siobhan-keane"],
        "quotes": [
            "The easy cases have been solved, what is left is the human core of the crisis.",
        ],
        "tags": ["banking", "housing"],
    },
    {
        "section": "world",
        "headline": "Montenegro closes more chapters in EU accession talks",
        "paragraphs": [
            (
                "Montenegro provisionally closed three more chapters in its accession negotiations "
                "with the EU, the paper reports, bringing it closer than any other candidate to "
                "membership. Its government hopes to complete the talks by the end of next year."
            ),
            (
                "The newspaper notes that several member states want to change the EU's "
                "decision-making rules before any new member joins, which could delay accession "
                "regardless of Montenegro's progress. France and the Netherlands are among the "
                "most insistent."
            ),
            (
                "According to the paper, Montenegro's government has also promised to align its "
                "visa policy with the EU's, a long-standing demand from Brussels. Albania is "
                "expected to open its final chapters within the next few months."
            ),
        ],
        "experts": [],
        "quotes": [],
        "tags": ["eu", "diplomacy"],
    },
    {
        "section": "politics",
        "headline": "National strike shuts down Belgian trains and airports",
        "paragraphs": [
            (
                "A national strike against the pension reform brought Belgium to a standstill on "
                "Monday, the paper reports, with almost no trains running, all departing flights "
                "from Brussels cancelled and many schools closed in Wallonia. Tens of thousands "
                "marched in the capital."
            ),
            (
                "According to the newspaper, the government says it will not withdraw the reform. "
                "It is, however, open to changes for workers in physically demanding jobs."
            ),
            (
                "The paper writes that the strike was the largest in Belgium in more than a "
                "decade, with the three main unions marching together. Employers estimate its cost "
                "at around 300 million euros."
            ),
        ],
        "experts": [],
        "quotes": [],
        "tags": ["strikes", "pensions", "transport", "labour"],
    },
    {
        "section": "business",
        "headline": "Ireland's first offshore wind auction attracts five bidders",
        "paragraphs": [
            (
                "Five developers have bid in Ireland's first auction for offshore wind farms off "
                "the south coast, the paper reports, more than the government had expected after "
                "similar auctions elsewhere in Europe attracted few offers. The winning projects "
                "must start producing power by 2031. Two bids came from consortia led by "
                "state-owned energy companies from other EU countries."
            ),
            (
                "{expert0} told the paper that offshore wind was the only realistic route to "
                "meeting Ireland's emissions targets. She added that the port of Cork would need "
                "major investment to assemble the turbines. The auction results will be announced "
                "early next year."
            ),
        ],
        "experts": ["niamh-gallagher"],
        "quotes": [
            "Without a port to build them in, the turbines will stay on paper.",
        ],
        "tags": ["energy", "climate", "eu"],
    },
    {
        "section": "world",
        "headline": "Work resumes on Mozambique gas project",
        "paragraphs": [
            (
                "An international energy consortium has restarted construction of a liquefied "
                "natural gas project in northern Mozambique, the paper reports, five years after "
                "an insurgent attack forced it to halt. Portuguese engineering firms are among the "
                "subcontractors. The first cargo is expected in 2029."
            ),
            (
                "{expert0} told the paper that the project could make Mozambique one of the "
                "world's ten largest gas exporters in the next decade, but that security in the "
                "region remained fragile. He said the project's future depended on whether the "
                "government could protect the villages around it, not just the plant."
            ),
        ],
        "experts": ["pablo-herranz-quiles"],
        "quotes": [
            (
                "The gas has been there all along, the question was always whether it was safe to "
                "go and get it."
            ),
        ],
        "tags": ["energy", "diplomacy"],
    },
    {
        "section": "politics",
        "headline": "Portuguese immigration agency backlog reaches 400,000 cases",
        "paragraphs": [
            (
                "Portugal's migration agency has around 400,000 residence applications pending, "
                "the newspaper reports, some of them submitted more than two years ago. Migrants "
                "without documents often cannot open bank accounts or sign leases."
            ),
            (
                "{expert0} told the paper that the backlog was an administrative failure that was "
                "now becoming a political problem. Anti-immigration parties, she said, were using "
                "it to argue that the system was out of control."
            ),
            (
                "According to the newspaper, the government has hired 300 temporary staff and set "
                "up a task force to clear the backlog by the end of the year. Lawyers say many "
                "applicants have been asked to submit the same documents three times."
            ),
        ],
        "experts": ["carmen-aguirre-bastida"],
        "quotes": [
            (
                "Chaos in the offices is the best recruiting tool for those who want to close the "
                "doors."
            ),
        ],
        "tags": ["migration"],
    },
    {
        "section": "business",
        "headline": "German industry warns energy costs are driving investment abroad",
        "paragraphs": [
            (
                "One in three German industrial companies plans to shift part of its investment "
                "abroad because of energy costs, the newspaper reports, citing a survey by the "
                "chambers of commerce. Chemical and metal firms are the most likely to move. The "
                "survey covered 3,000 companies."
            ),
            (
                "{expert0} told the paper that gas prices had fallen from their peak but remained "
                "twice as high as in the United States. {expert1} said his members were under "
                "pressure from carmakers to cut prices and could not absorb higher energy bills at "
                "the same time. The economy ministry, the paper adds, is preparing a cut in grid "
                "fees for energy-intensive firms."
            ),
        ],
        "experts": ["sabine-hollerbach", "uwe-harms"],
        "quotes": [
            "The emergency is over, the disadvantage is not.",
            "We are squeezed from above by our customers and from below by our bills.",
        ],
        "tags": ["energy", "industry"],
    },
    {
        "section": "world",
        "headline": "Cabo Verde tourism boom strains water supplies",
        "paragraphs": [
            (
                "Tourist arrivals in Cabo Verde rose 20 percent last year, the newspaper reports, "
                "with new hotels on Sal and Boa Vista drawing most of their water from "
                "desalination plants that run on diesel. Residents complain of shortages in the "
                "dry season."
            ),
            (
                "{expert0} told the paper that island destinations needed to plan water and energy "
                "before building hotels, not after. She said some resorts in the Algarve had made "
                "the same mistake in the 1980s."
            ),
            (
                "The paper notes that the government plans to build solar-powered desalination "
                "plants with support from Portuguese and European lenders. Tourism accounts for "
                "around a quarter of the country's economy."
            ),
        ],
        "experts": ["sofia-quintela"],
        "quotes": [
            "An island can sell its sun only as long as it has water to drink.",
        ],
        "tags": ["tourism", "water", "climate"],
    },
    {
        "section": "politics",
        "headline": "Spanish parliament debates regularising half a million migrants",
        "paragraphs": [
            (
                "The Spanish Congress has begun debating a popular initiative to give legal status "
                "to around 500,000 undocumented migrants, the paper reports, after a petition "
                "gathered more than 700,000 signatures. The governing parties support it, while "
                "the opposition is divided. Employers in farming and care have backed the "
                "initiative."
            ),
            (
                "{expert0} told the newspaper that most of the people concerned were already "
                "working, in agriculture, care and construction. {expert1} said regularisation "
                "would bring them into the tax and social security system and make it harder for "
                "employers to exploit them."
            ),
        ],
        "experts": ["carmen-aguirre-bastida", "nerea-goikoetxea-urrutia"],
        "quotes": [
            "These people are already part of the economy, the law would only make it official.",
            (
                "Workers without papers are the cheapest labour in Spain precisely because they "
                "cannot complain."
            ),
        ],
        "tags": ["migration", "labour"],
    },
    {
        "section": "business",
        "headline": "Poland sets date to close its largest coal plant",
        "paragraphs": [
            (
                "The Polish government has agreed to close the last units of a major coal-fired "
                "power station in Silesia by 2036, the paper reports, two years earlier than "
                "planned. It will fund retraining for around 6,000 miners and plant workers."
            ),
            (
                "{expert0} told the newspaper that the date was ambitious but achievable if grid "
                "connections for new wind farms in the north were sped up. The miners' unions have "
                "called the plan a betrayal and threaten protests in Katowice. The government says "
                "no miner will lose his job without an offer of retraining or early retirement."
            ),
        ],
        "experts": ["katarzyna-sobczak"],
        "quotes": [
            (
                "Closing a plant is a decision, replacing it is a project, and Poland has been "
                "better at decisions."
            ),
        ],
        "tags": ["energy", "climate", "labour"],
    },
    {
        "section": "world",
        "headline": "Hungary loses access to more EU funds",
        "paragraphs": [
            (
                "Hungary has permanently lost access to around one billion euros of EU funds, the "
                "paper reports, after failing to meet conditions on public procurement and "
                "judicial independence before a deadline. Budapest called the decision political."
            ),
            (
                "{expert0} told the newspaper that the case showed the rule of law conditions had "
                "teeth, and that Warsaw was watching closely. She said the Polish government would "
                "point to the case to show that reforms pay."
            ),
            (
                "According to the paper, Hungary can still recover part of its remaining frozen "
                "funds if it passes new laws on conflicts of interest by the end of the year. The "
                "government in Budapest says it will challenge the decision at the EU's court."
            ),
        ],
        "experts": ["agnieszka-wroblewska"],
        "quotes": [
            "For the first time, the rule of law clauses have cost real money.",
        ],
        "tags": ["eu", "courts", "corruption"],
    },
    {
        "section": "politics",
        "headline": "Germany extends border checks for another six months",
        "paragraphs": [
            (
                "Germany will keep checks at all its land borders for at least six more months, "
                "the paper reports, in a move the interior ministry says has reduced irregular "
                "arrivals. Neighbouring countries complain of traffic jams and say the checks "
                "undermine the Schengen area."
            ),
            (
                "{expert0} told the paper that the checks were legally questionable after so many "
                "extensions. The Schengen rules, she noted, allow them only as a temporary measure "
                "in an exceptional situation."
            ),
            (
                "The paper writes that Polish and Czech business groups estimate the delays cost "
                "their lorry drivers several hours a week. The Commission has asked Berlin to "
                "justify the latest extension."
            ),
        ],
        "experts": ["elise-dumont"],
        "quotes": [
            "An exception that lasts for years is no longer an exception.",
        ],
        "tags": ["migration", "eu"],
    },
    {
        "section": "business",
        "headline": "Spain and France agree to speed up new power interconnector",
        "paragraphs": [
            (
                "Spain and France have agreed to accelerate work on a new undersea power cable "
                "through the Bay of Biscay, the paper reports, which would double exchange "
                "capacity between the Iberian Peninsula and the rest of Europe. Completion is now "
                "planned for 2028."
            ),
            (
                "{expert0} told the paper that Iberia had for years been an energy island. The "
                "cable, he said, would allow Spain to export its surplus solar power instead of "
                "wasting it."
            ),
            (
                "The paper notes that the project, estimated at 3 billion euros, has been delayed "
                "several times by disputes over the route of the cable and by problems with the "
                "seabed. The EU will pay for part of it."
            ),
        ],
        "experts": ["pablo-herranz-quiles"],
        "quotes": [
            "We produce too much sun at noon and have too few wires to send it anywhere.",
        ],
        "tags": ["energy", "trade", "eu"],
    },
    {
        "section": "world",
        "headline": "Romania and Bulgaria lift last border checks in Schengen area",
        "paragraphs": [
            (
                "Border checks between Romania, Bulgaria and their Schengen neighbours ended at "
                "midnight, the paper reports, with lorry drivers no longer waiting hours at the "
                "Hungarian and Greek borders. Both countries had joined the area for air and sea "
                "travel the previous year. Random police checks will continue near the borders."
            ),
            (
                "According to the newspaper, hauliers estimate that the queues had cost the "
                "Romanian economy around two billion euros a year. Tourism operators on the Black "
                "Sea coast expect more visitors from central Europe in the peak season."
            ),
            (
                "The paper writes that Austria, which had blocked the move for years, lifted its "
                "objection after a deal on border protection. Hungary and Greece have promised to "
                "add more lanes at the busiest crossings."
            ),
        ],
        "experts": [],
        "quotes": [],
        "tags": ["eu", "transport"],
    },
    {
        "section": "politics",
        "headline": "Prosecutors question ministry official over rail tender",
        "paragraphs": [
            (
                "Prosecutors have questioned a senior official of the infrastructure ministry as a "
                "formal suspect in connection with the high-speed rail tender, the newspaper "
                "reports, after phone records showed repeated contacts with an executive of one of "
                "the bidding consortia. The official has been suspended."
            ),
            (
                "{expert0} told the paper the investigation would not automatically invalidate the "
                "tender. It did, he said, give the losing bidders a strong argument in court."
            ),
            (
                "According to the paper, the infrastructure minister said he had not been aware of "
                "the contacts and would cooperate fully with the investigation. The opposition has "
                "called for his resignation."
            ),
        ],
        "experts": ["miguel-tavares-cordeiro"],
        "quotes": [
            (
                "A criminal case and an administrative case move at different speeds, but they "
                "feed each other."
            ),
        ],
        "tags": ["corruption", "rail"],
    },
    {
        "section": "business",
        "headline": "Spanish solar farms switch off as prices turn negative",
        "paragraphs": [
            (
                "Wholesale electricity prices in Spain fell below zero for parts of eleven days "
                "last month, the paper reports, as sunny weather and windy nights produced more "
                "power than the grid could use. Several large solar farms disconnected to avoid "
                "paying to supply power."
            ),
            (
                "The newspaper writes that developers are now racing to add batteries to their "
                "sites. Banks, it adds, have become more cautious about financing new solar "
                "projects without storage."
            ),
            (
                "According to the paper, the government plans a special auction for storage "
                "projects later this year. Grid operators say around 10 gigawatts of batteries "
                "will be needed by the end of the decade."
            ),
        ],
        "experts": [],
        "quotes": [],
        "tags": ["energy", "climate"],
    },
    {
        "section": "world",
        "headline": "Container shipping rates rise as carriers avoid Suez Canal",
        "paragraphs": [
            (
                "The cost of shipping a container from Shanghai to Rotterdam rose for a third "
                "consecutive week, the paper reports, as most carriers continued to send ships "
                "around the Cape of Good Hope to avoid attacks in the Red Sea. Journeys take up to "
                "two weeks longer. The cost has doubled in three months."
            ),
            (
                "{expert0} told the paper that Mediterranean ports were losing transhipment "
                "traffic to northern Europe because of the longer route. {expert1} said the extra "
                "costs were adding around half a percentage point to the price of imported "
                "consumer goods."
            ),
        ],
        "experts": ["sergio-llorente-vidal", "friederike-adler"],
        "quotes": [
            "The Mediterranean was built for the Suez route, and now the ships go around Africa.",
            "Every extra week at sea ends up on a price tag somewhere.",
        ],
        "tags": ["shipping", "trade", "inflation"],
    },
    {
        "section": "politics",
        "headline": "Mayor of coastal town charged over building permits",
        "paragraphs": [
            (
                "A judge in Alicante has charged the mayor of a coastal town and three councillors "
                "with bribery over building permits for a hotel complex on protected land, the "
                "paper reports. The mayor denies wrongdoing and refuses to resign."
            ),
            (
                "According to the newspaper, it is the fourth corruption case involving urban "
                "planning in the region in two years. The mayor's party has asked him to step "
                "aside while the case is heard."
            ),
            (
                "The paper writes that the hotel project, with 400 rooms, was approved in a single "
                "council session without a public consultation. Environmental groups had warned "
                "for years that the land was protected."
            ),
        ],
        "experts": [],
        "quotes": [],
        "tags": ["corruption"],
    },
    {
        "section": "business",
        "headline": "Carmaker Kessler to cut 4,000 jobs in Germany",
        "paragraphs": [
            (
                "Kessler Automobilwerke will cut 4,000 jobs at its plants in Lower Saxony and "
                "Bavaria over two years, the paper reports, blaming weak demand for electric cars "
                "and competition from Chinese brands. No plant will close, but one assembly line "
                "will be moved to Slovakia. Its shares rose 4 percent on the news."
            ),
            (
                "{expert0} told the newspaper that suppliers would lose twice as many jobs as the "
                "carmaker itself in the coming years. Many of them, he said, were family firms "
                "without the reserves to survive a long downturn. The governments of both states "
                "have asked for talks with the company."
            ),
        ],
        "experts": ["uwe-harms"],
        "quotes": [
            "For every job cut at the carmaker, two disappear quietly at the suppliers.",
        ],
        "tags": ["industry", "labour"],
    },
    {
        "section": "world",
        "headline": "EU and African Union leaders agree on investment plan",
        "paragraphs": [
            (
                "EU and African Union leaders meeting in Brussels agreed on a plan to mobilise 150 "
                "billion euros of public and private investment in transport, energy and digital "
                "networks, the paper reports. African leaders pressed for more say in how the "
                "money is spent. The plan is expected to be finalised at a follow-up meeting in "
                "Addis Ababa."
            ),
            (
                "{expert0} told the newspaper that Europe was competing with China and the Gulf "
                "states for influence in Africa and could no longer set all the conditions. He "
                "said African governments wanted investment in factories, not only in mines and "
                "ports."
            ),
        ],
        "experts": ["marc-lejeune"],
        "quotes": [
            "Europe is no longer the only suitor, and African governments know it.",
        ],
        "tags": ["diplomacy", "trade", "eu"],
    },
    {
        "section": "politics",
        "headline": "Opposition demands parliamentary inquiry into rail tender",
        "paragraphs": [
            (
                "The main opposition party has asked for a parliamentary inquiry into the "
                "high-speed rail tender, the paper reports, after it emerged that the suspended "
                "ministry official had met a bidder's executive twice during the evaluation. The "
                "Civic Liberals say they will support the inquiry."
            ),
            (
                "{expert0} told the newspaper that the junior partner's support for an inquiry "
                "into its own government showed that relations within the coalition were still raw "
                "after the budget dispute. The prime minister said he had nothing to hide."
            ),
            (
                "The paper notes that parliamentary inquiries in Portugal have the power to call "
                "ministers and civil servants to testify. The inquiry could begin work next month."
            ),
        ],
        "experts": ["joana-figueiredo"],
        "quotes": [
            (
                "The Civic Liberals are reminding everyone that they can still hurt the prime "
                "minister."
            ),
        ],
        "tags": ["corruption", "rail", "coalition"],
    },
    {
        "section": "business",
        "headline": "Unions call warning strikes at Kessler plants",
        "paragraphs": [
            (
                "The metalworkers' union called two-hour warning strikes at all Kessler plants on "
                "Wednesday, the paper reports, after management refused to rule out compulsory "
                "redundancies. Around 30,000 workers are expected to take part."
            ),
            (
                "According to the newspaper, the company wants to cut costs by 15 percent, while "
                "the union is proposing a shorter working week to save jobs. The paper says both "
                "sides are preparing for a long dispute."
            ),
            (
                "The paper quotes workers at the plant near Osnabrück who say they have accepted "
                "two years of short-time working and are not prepared to give up more. "
                "Negotiations resume next week."
            ),
        ],
        "experts": [],
        "quotes": [],
        "tags": ["industry", "labour", "strikes"],
    },
    {
        "section": "world",
        "headline": "Dutch government collapses over asylum rules",
        "paragraphs": [
            (
                "The Dutch coalition government has collapsed after the largest party withdrew "
                "over a dispute on asylum rules, the paper reports, triggering an early election "
                "later in the year. The prime minister will stay on in a caretaker role."
            ),
            (
                "{expert0} told the newspaper that migration had now brought down governments in "
                "the Netherlands twice in three years and would dominate the campaign. He said "
                "several other European governments were watching nervously."
            ),
            (
                "The paper notes that the collapse comes just weeks before the EU migration pact "
                "is due to apply. A caretaker government cannot pass the laws needed to implement "
                "it."
            ),
        ],
        "experts": ["matthias-brenner"],
        "quotes": [
            (
                "In The Hague, migration is not one issue among many, it is the issue that decides "
                "who governs."
            ),
        ],
        "tags": ["migration", "elections", "coalition", "eu"],
    },
    {
        "section": "politics",
        "headline": "Teachers threaten to boycott exams over career freeze",
        "paragraphs": [
            (
                "Portugal's main teachers' unions will boycott the marking of the next national "
                "exams unless the government restores the years of service frozen during the "
                "financial crisis, the newspaper reports. The ministry has offered to recover them "
                "over five years, while the unions want three."
            ),
            (
                "The paper notes that almost a third of teachers will retire within the decade. "
                "Schools in Lisbon and the Algarve already struggle to fill posts."
            ),
            (
                "According to the paper, tens of thousands of students take national exams each "
                "year to enter university. The education minister called the boycott threat "
                "irresponsible but said he was open to further talks."
            ),
        ],
        "experts": [],
        "quotes": [],
        "tags": ["education", "wages", "strikes", "labour"],
    },
    {
        "section": "business",
        "headline": "Government and unions clash over minimum wage increase",
        "paragraphs": [
            (
                "The government has proposed raising the Portuguese minimum wage to 920 euros from "
                "next year, the paper reports, below the 1,000 euros demanded by the largest union "
                "confederation but above the employers' offer. Talks in the social dialogue "
                "council resume next week. Employers have offered 890 euros."
            ),
            (
                "{expert0} told the paper that the increase was affordable for most firms. For the "
                "minimum wage to keep rising without hurting jobs, she said, productivity would "
                "have to grow faster than it has in the past decade. The paper notes that around a "
                "fifth of Portuguese workers earn the minimum wage."
            ),
        ],
        "experts": ["ana-ribeiro"],
        "quotes": [
            (
                "We cannot legislate our way to northern European wages without northern European "
                "productivity."
            ),
        ],
        "tags": ["labour", "wages"],
    },
    {
        "section": "world",
        "headline": "EU fines tech company over app store rules",
        "paragraphs": [
            (
                "The European Commission has fined the American technology company Helix Systems "
                "700 million euros for preventing app developers from telling users about cheaper "
                "offers outside its app store, the paper reports. It is the first fine under the "
                "EU's digital markets rules. Helix says it will appeal."
            ),
            (
                "{expert0} told the paper that the fine mattered less than the precedent, because "
                "it showed the Commission was willing to use the new rules against the largest "
                "platforms. Helix's European headquarters are in Dublin, the newspaper notes. The "
                "company employs around 5,000 people in Ireland."
            ),
        ],
        "experts": ["ciaran-fallon"],
        "quotes": ["The money is small for Helix, the message is not."],
        "tags": ["technology", "eu"],
    },
    {
        "section": "politics",
        "headline": "Early regional election called in Aragon",
        "paragraphs": [
            (
                "The president of Aragon has called an early regional election, the paper "
                "reports, after his minority government failed to pass a budget. Polls suggest the "
                "centre-right will win most seats but will need the support of a smaller party to "
                "govern."
            ),
            (
                "{expert0} told the paper that the vote would be read nationally as a test for the "
                "parties ahead of next year's general election. She expected a high turnout in "
                "rural areas, where depopulation and water are the main issues."
            ),
            (
                "The paper notes that the campaign will officially begin two weeks before the "
                "vote. The regional water plan for the Ebro is due to be published on the same "
                "day."
            ),
        ],
        "experts": ["lucia-navarro-etxeberria"],
        "quotes": [
            "Aragon is small, but in an election year every result is read in Madrid.",
        ],
        "tags": ["elections"],
    },
    {
        "section": "business",
        "headline": "German rail workers reject pay offer and threaten strikes",
        "paragraphs": [
            (
                "The transport workers' union has rejected the German rail operator's offer of a 7 "
                "percent pay rise over three years, the paper reports, and will ballot its members "
                "on open-ended strikes. Commuters face disruption from next month."
            ),
            (
                "{expert0} told the newspaper that the offer did not compensate for inflation over "
                "the past three years. Train drivers and signal staff, he said, were leaving for "
                "better-paid jobs in logistics."
            ),
            (
                "According to the paper, the rail operator says the union's demand for 12 percent "
                "would cost 1.5 billion euros and put investment in new trains at risk. A first "
                "round of arbitration talks is planned."
            ),
        ],
        "experts": ["jorg-lindemann"],
        "quotes": [
            (
                "You cannot run a railway with people who are counting the days until they can "
                "leave it."
            ),
        ],
        "tags": ["labour", "rail", "strikes", "wages"],
    },
    {
        "section": "world",
        "headline": "Cyber attack disrupts port systems in Antwerp",
        "paragraphs": [
            (
                "A cyber attack disabled the booking system used by several container terminals in "
                "Antwerp for 36 hours, the newspaper reports, leaving hundreds of lorries waiting "
                "outside the gates. Belgian authorities suspect a criminal group working on behalf "
                "of a hostile state. Some shipping lines diverted vessels to Rotterdam."
            ),
            (
                "{expert0} told the paper that ports were a natural target for hybrid attacks, "
                "because a few hours of disruption rippled through supply chains across the "
                "continent. She called for common European standards for the security of port "
                "software."
            ),
            (
                "The paper notes that the attack came a week after a similar incident at a "
                "logistics company in Hamburg. Both companies used the same software supplier."
            ),
        ],
        "experts": ["hanne-claes"],
        "quotes": ["Attacking a port is a cheap way to hurt an entire economy."],
        "tags": ["technology", "ports", "defence"],
    },
    {
        "section": "politics",
        "headline": "Centre-right wins Aragon election but falls short of majority",
        "paragraphs": [
            (
                "The centre-right won 30 of the 67 seats in the Aragon regional parliament, the "
                "newspaper reports, four short of an absolute majority, while the nationalist "
                "right doubled its seats to 12. The centre-left lost five seats."
            ),
            (
                "{expert0} told the paper that the winner now faced the same choice as other "
                "regions: rely on the nationalist right or try to govern alone with a fragile "
                "minority. Talks are expected to last several weeks."
            ),
            (
                "The paper writes that turnout was 64 percent, up four points on the last "
                "election. The nationalist right has already said its price for support would "
                "include seats in the regional government."
            ),
        ],
        "experts": ["lucia-navarro-etxeberria"],
        "quotes": [
            "The centre-right won the election and inherited the dilemma.",
        ],
        "tags": ["elections"],
    },
    {
        "section": "business",
        "headline": "Spanish employers attack plan for 37.5-hour week",
        "paragraphs": [
            (
                "Spain's main employers' association has called the government's plan to cut the "
                "standard working week from 40 to 37.5 hours without loss of pay unworkable for "
                "small businesses, the paper reports. The bill is due in parliament next month."
            ),
            (
                "{expert0} told the paper that many sectors, including banking and public "
                "administration, already worked less than 40 hours. The real impact, she said, "
                "would fall on retail and hospitality."
            ),
            (
                "According to the paper, the government needs the votes of at least two regional "
                "parties to pass the bill, and one of them has already expressed doubts. Unions "
                "have called demonstrations in support of the measure."
            ),
        ],
        "experts": ["nerea-goikoetxea-urrutia"],
        "quotes": [
            (
                "The law changes little for office workers and a great deal for waiters and shop "
                "assistants."
            ),
        ],
        "tags": ["labour", "wages"],
    },
    {
        "section": "world",
        "headline": "Late frost destroys fruit blossom in Poland",
        "paragraphs": [
            (
                "A night of frost after weeks of warmth destroyed much of the apple and cherry "
                "blossom in central Poland, the paper reports, with growers south of Warsaw "
                "estimating losses of up to 70 percent. Similar damage was reported in Hungary and "
                "Slovakia."
            ),
            (
                "{expert0} told the newspaper that earlier flowering caused by milder weather made "
                "orchards far more vulnerable to late frosts. She said growers should be able to "
                "get state-backed insurance against frost, as in some other countries."
            ),
            (
                "According to the newspaper, apple prices in Polish markets have already risen by "
                "a fifth. Poland is one of Europe's largest apple producers."
            ),
        ],
        "experts": ["ewa-jablonska"],
        "quotes": [
            "Mild weather wakes the trees up too early, and the frost is waiting for them.",
        ],
        "tags": ["climate", "agriculture"],
    },
    {
        "section": "politics",
        "headline": "Lisbon freezes new short-term rental licences in historic centre",
        "paragraphs": [
            (
                "Lisbon city council has voted to suspend new short-term rental licences in the "
                "historic centre for two years, the paper reports, where holiday lets already make "
                "up almost half of homes in some parishes. Existing licences are not affected. "
                "Owners of holiday lets say the measure will cost jobs in cleaning and "
                "maintenance."
            ),
            (
                "{expert0} told the newspaper that the freeze came too late for neighbourhoods "
                "like Alfama, which had already lost much of their resident population. She said "
                "the council should also use its powers to buy empty buildings and rent them at "
                "affordable prices."
            ),
        ],
        "experts": ["catarina-sousa-reis"],
        "quotes": [
            "You do not save a neighbourhood by locking the door after the residents have left.",
        ],
        "tags": ["housing", "tourism"],
    },
    {
        "section": "business",
        "headline": "Dublin data centre plans stall as grid operator holds back connections",
        "paragraphs": [
            (
                "At least eight planned data centres in the Dublin area have been put on hold, the "
                "newspaper reports, because the grid operator will not connect new large users "
                "until 2028. Data centres already consume around a fifth of Ireland's electricity."
            ),
            (
                "{expert0} told the paper that the freeze was sending investment to the Nordic "
                "countries. Ireland, he warned, risked losing its position as Europe's digital "
                "hub."
            ),
            (
                "The paper notes that new rules allow data centres to connect only if they build "
                "their own power supply or storage on site. At least two operators are now "
                "exploring small gas plants."
            ),
        ],
        "experts": ["ciaran-fallon"],
        "quotes": [
            "The cloud has to sit somewhere, and right now it is being told not to sit here.",
        ],
        "tags": ["technology", "energy"],
    },
    {
        "section": "world",
        "headline": "Chocolate makers raise prices as cocoa hits record",
        "paragraphs": [
            (
                "European chocolate makers have raised prices by up to 20 percent ahead of the "
                "holiday season, the paper reports, after cocoa futures reached record highs on "
                "poor harvests in West Africa. Some brands are shrinking their bars instead."
            ),
            (
                "According to the newspaper, Belgian chocolatiers say small producers are the "
                "hardest hit because they cannot hedge against price swings the way multinationals "
                "do. Some say they will have to stop selling seasonal products altogether."
            ),
            (
                "The paper writes that the high prices have also encouraged the smuggling of cocoa "
                "beans across West African borders. Analysts expect prices to remain high until "
                "new plantations start producing."
            ),
        ],
        "experts": [],
        "quotes": [],
        "tags": ["agriculture", "inflation", "trade"],
    },
    {
        "section": "politics",
        "headline": "Spain under pressure to raise defence spending",
        "paragraphs": [
            (
                "Spain spends the lowest share of GDP on defence of any alliance member, the paper "
                "reports, and its allies are pressing Madrid to present a credible plan to reach "
                "the new target. The government's left-wing partners oppose any increase."
            ),
            (
                "{expert0} told the newspaper that Spain could reach the target faster than "
                "expected if it counted spending on cyber security and civil protection, as other "
                "members already do. He added that the government would find it hard to increase "
                "spending without a new budget, since it has been governing on an extended one for "
                "two years."
            ),
        ],
        "experts": ["raul-dominguez-pena"],
        "quotes": [
            "Spain spends less than it should, but it also counts less than it could.",
        ],
        "tags": ["defence", "budget"],
    },
    {
        "section": "business",
        "headline": "Chip plant in Saxony delayed by two years",
        "paragraphs": [
            (
                "Halvra Semiconductors has postponed the opening of its chip plant near Dresden to "
                "2029, the paper reports, blaming weak demand from carmakers and the rising cost "
                "of construction. The German government had promised 2 billion euros in subsidies. "
                "Around 1,200 jobs had been promised."
            ),
            (
                "{expert0} told the newspaper that the subsidy race between European countries and "
                "the United States had encouraged companies to announce plants faster than markets "
                "could support them. The paper notes that the subsidy will not be paid until "
                "production starts. The state government says it is still committed to the "
                "project."
            ),
        ],
        "experts": ["friederike-adler"],
        "quotes": [
            "Subsidies can buy a groundbreaking ceremony, they cannot buy customers.",
        ],
        "tags": ["technology", "industry"],
    },
    {
        "section": "world",
        "headline": "Iberian summit focuses on water sharing and rail links",
        "paragraphs": [
            (
                "The prime ministers of Portugal and Spain met in Salamanca for their annual "
                "summit, the paper reports, agreeing to review the treaty governing their shared "
                "rivers in light of the drought and to coordinate the timetable of the high-speed "
                "line. Both leaders called the meeting the most productive in years."
            ),
            (
                "{expert0} told the newspaper that Portugal, being downstream, had the most to "
                "lose from any revision and should insist on minimum flows measured daily rather "
                "than annually. {expert1} said Spanish farmers in the Douro basin would resist any "
                "commitment that reduced their irrigation."
            ),
        ],
        "experts": ["nuno-barroso-lima", "elena-marin-soto"],
        "quotes": [
            "When you live downstream, the details of the treaty are a matter of survival.",
            "Upstream farmers will not give up water just because a treaty says so.",
        ],
        "tags": ["diplomacy", "water", "drought"],
    },
    {
        "section": "politics",
        "headline": "Polish coalition quarrels over EU migration pact",
        "paragraphs": [
            (
                "The partners in Poland's governing coalition are divided over how to implement "
                "the EU migration pact, the paper reports, with the junior partner refusing to "
                "accept any relocation of asylum seekers. The prime minister has said Poland will "
                "pay into the solidarity fund instead of taking people in. The government must "
                "present its national plan to Brussels within weeks."
            ),
            (
                "{expert0} told the paper that migration had become the issue on which the "
                "opposition could most easily split the government. He said the prime minister had "
                "chosen money over people in order to keep the coalition together."
            ),
        ],
        "experts": ["piotr-lewandowicz"],
        "quotes": [
            (
                "On migration the opposition does not need to win the argument, only to divide the "
                "majority."
            ),
        ],
        "tags": ["migration", "coalition", "eu"],
    },
    {
        "section": "business",
        "headline": "Warsaw fintech makes strong stock market debut",
        "paragraphs": [
            (
                "Shares in PayWisła, a Polish payments start-up, rose 28 percent on their first "
                "day of trading in Warsaw, the paper reports, the strongest debut on the exchange "
                "in three years. The company processes card payments for around 40,000 small "
                "shops. The company raised around 150 million euros."
            ),
            (
                "{expert0} told the paper that the listing showed Polish tech firms no longer "
                "needed to go to London or New York to raise money. He expected at least two more "
                "listings before the end of the year."
            ),
            (
                "The newspaper notes that PayWisła's founders started the company in a student "
                "flat in Wrocław nine years ago. They still hold a third of the shares."
            ),
        ],
        "experts": ["tomasz-kaczmarczyk"],
        "quotes": [
            "Warsaw has finally shown it can keep its own champions at home.",
        ],
        "tags": ["technology", "banking"],
    },
    {
        "section": "world",
        "headline": "German exports to China fall for third year in a row",
        "paragraphs": [
            (
                "German exports to China fell 8 percent last year, the paper reports, the third "
                "consecutive decline, as Chinese companies replaced German machinery and cars with "
                "domestic products. Exports to Poland are now larger than exports to China. "
                "Imports from China, by contrast, rose 3 percent. Chinese brands now account for "
                "one in ten electric cars sold in Germany."
            ),
            (
                "{expert0} told the paper that the shift was structural rather than cyclical and "
                "that German firms would have to find growth in central Europe, India and "
                "Southeast Asia. She added that this would take years and that the car industry "
                "would be hit first."
            ),
        ],
        "experts": ["friederike-adler"],
        "quotes": [
            "China is no longer buying what Germany makes, because it now makes it itself.",
        ],
        "tags": ["trade", "industry"],
    },
    {
        "section": "politics",
        "headline": "Berlin plans public register of rents",
        "paragraphs": [
            (
                "The Berlin city government plans to set up a public register of rents so that "
                "tenants can check whether they are paying more than the legal limit, the paper "
                "reports. Landlords would have to report the rent for every flat they own. "
                "Landlords' associations say the plan is bureaucratic and intrusive."
            ),
            (
                "{expert0} told the paper the register would make the existing rules enforceable "
                "for the first time, since most tenants currently had no way of knowing what their "
                "neighbours paid. She said similar registers in Scandinavian cities had helped "
                "tenants challenge excessive rents."
            ),
        ],
        "experts": ["anja-richter-blum"],
        "quotes": ["Rules nobody can check are rules nobody follows."],
        "tags": ["housing"],
    },
    {
        "section": "business",
        "headline": "Algarve expects record holiday bookings",
        "paragraphs": [
            (
                "Hotels in the Algarve are 85 percent booked for the coming holidays, the paper "
                "reports, a record for the season, driven by British, German and Irish visitors "
                "and new direct flights from Poland. Prices are up 12 percent on last year."
            ),
            (
                "{expert0} told the newspaper that the region was slowly becoming a year-round "
                "destination. Shortages of staff, and of housing for seasonal workers, were "
                "holding it back, she said."
            ),
            (
                "According to the newspaper, hotel groups have started building staff housing in "
                "Albufeira and Portimão, and some are offering free accommodation to attract "
                "workers from the north. Wages in the sector have risen by around 8 percent this "
                "year."
            ),
        ],
        "experts": ["sofia-quintela"],
        "quotes": [
            "We can fill the hotels, what we cannot fill is the staff rooms.",
        ],
        "tags": ["tourism"],
    },
    {
        "section": "world",
        "headline": "Protests in Slovakia over public broadcaster overhaul",
        "paragraphs": [
            (
                "Tens of thousands of people demonstrated in Bratislava and other Slovak cities "
                "against a law that would place the public broadcaster under tighter government "
                "control, the newspaper reports. The government says the broadcaster has been "
                "biased against it."
            ),
            (
                "{expert0} told the paper that Brussels had few tools to intervene quickly in "
                "media cases, even after the new European media freedom law came into force. He "
                "said the Commission could open infringement proceedings, but these would take "
                "years."
            ),
            (
                "According to the newspaper, the protests were the largest in the country since "
                "the government took office. Journalists at the broadcaster have threatened to "
                "strike if the law is signed."
            ),
        ],
        "experts": ["pieter-van-damme"],
        "quotes": [
            "The EU can write rules on media freedom faster than it can enforce them.",
        ],
        "tags": ["eu", "protests"],
    },
    {
        "section": "politics",
        "headline": "Bundestag approves defence fund with opposition votes",
        "paragraphs": [
            (
                "The German parliament approved the 80 billion euro defence and infrastructure "
                "fund with a two-thirds majority on Friday, the newspaper reports, after the "
                "centre-right opposition agreed to vote for it in exchange for a faster "
                "procurement law. The vote came after three weeks of negotiations."
            ),
            (
                "{expert0} told the paper that the vote showed the coalition could no longer pass "
                "major decisions on its own. It was, he said, increasingly dependent on the "
                "opposition's goodwill."
            ),
            (
                "The paper notes that several coalition deputies voted against the fund, arguing "
                "that it should have included more money for schools and hospitals. The defence "
                "ministry hopes to sign the first contracts in the first quarter."
            ),
        ],
        "experts": ["matthias-brenner"],
        "quotes": [
            "The coalition governs, but the opposition now co-signs the big cheques.",
        ],
        "tags": ["coalition", "defence", "budget"],
    },
    {
        "section": "business",
        "headline": "Valencia approves tourist tax from next year",
        "paragraphs": [
            (
                "The Valencian regional parliament has approved a tourist tax of up to two euros "
                "per night from the start of next year, the newspaper reports, reversing its "
                "decision to scrap a similar levy two years ago. The money will go to housing and "
                "public transport in the most visited areas. Hotel associations say it will hurt "
                "the region's competitiveness."
            ),
            (
                "{expert0} told the paper the tax was a first step but would not stop tourist "
                "flats from pushing residents out of city centres. Her federation wants a cap on "
                "the number of holiday lets per building."
            ),
        ],
        "experts": ["marta-ibanez-roca"],
        "quotes": [
            "Two euros a night is not going to bring a neighbour back to the old town.",
        ],
        "tags": ["tourism", "taxation", "housing"],
    },
    {
        "section": "world",
        "headline": "German brigade in Lithuania begins permanent deployment",
        "paragraphs": [
            (
                "The first German combat brigade to be permanently stationed abroad since the "
                "Second World War has begun its deployment in Lithuania, the paper reports, with "
                "around 1,500 soldiers now based near Vilnius. It is due to reach its full "
                "strength of 5,000 by 2027."
            ),
            (
                "{expert0} told the newspaper that the deployment marked the end of Germany's "
                "post-war reluctance to station troops permanently on the alliance's eastern "
                "flank. He said it would also test Germany's ability to recruit enough soldiers."
            ),
            (
                "The paper writes that the German government is building housing, schools and a "
                "kindergarten for the soldiers' families near the base. Around a third of the "
                "soldiers are expected to bring their families."
            ),
        ],
        "experts": ["thomas-weidner"],
        "quotes": [
            "Germany has moved from promising to defend the east to living there.",
        ],
        "tags": ["defence"],
    },
    {
        "section": "business",
        "headline": "Lisbon airport hits capacity as airlines add peak-season flights",
        "paragraphs": [
            (
                "Airlines have requested more landing slots at Lisbon airport for the peak season "
                "than it can handle, the paper reports, forcing the slot coordinator to turn down "
                "around 9,000 flights. The new airport across the Tagus will not open before 2034. "
                "Low-cost carriers were the most affected."
            ),
            (
                "{expert0} told the paper that the bottleneck was costing Portugal visitors who "
                "were simply choosing Spanish destinations instead. She urged the government to "
                "speed up a temporary expansion of the existing terminal."
            ),
            (
                "The paper notes that the government has promised a decision on a temporary "
                "terminal by the end of the year. The airport operator says the works would take "
                "at least two years."
            ),
        ],
        "experts": ["sofia-quintela"],
        "quotes": ["Every slot we turn away lands in Málaga or Seville."],
        "tags": ["tourism", "transport"],
    },
]
