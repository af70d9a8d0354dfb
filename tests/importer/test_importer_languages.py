"""The language of a pasted review: recognised on its prose, refused when the parser does not
understand its phrasing (docs/IMPORTING.md, "Languages")."""

# Prose in other scripts, on purpose.
# ruff: noqa: RUF001

import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from reviews.importer.catalogue import Catalogue
from reviews.importer.languages import recognise
from reviews.importer.parser import ImportFailed, parse_review
from reviews.models import Review
from tests.importer.cases import FOLDER, create_catalogue, form_data, text_of

IMPORT_URL = reverse("admin:reviews_review_import")
LANGUAGES = FOLDER / "languages"

# Invented paragraphs of press-review prose, one per language.
PROSE = {
    "de": "Die Zeitung schreibt, dass der Hafen im Frühjahr zwei neue Anleger bauen wird. Nach "
    "Angaben des Ministeriums sind die Kosten in diesem Jahr um ein Drittel gestiegen, und die "
    "Gewerkschaft will über die Nachtschichten noch nicht verhandeln. Der Bürgermeister sagte, "
    "die Stadt werde sich an den Kosten beteiligen, wenn das Land auch zahlt.",
    "fr": "Le journal écrit que le port construira deux nouveaux quais au printemps. Selon le "
    "ministère, les coûts ont augmenté d'un tiers cette année, et le syndicat ne veut pas encore "
    "négocier sur les équipes de nuit. Le maire a déclaré que la ville participera aux frais si "
    "la région paie aussi sa part dans les délais prévus.",
    "es": "El diario escribe que el puerto construirá dos nuevos muelles en primavera. Según el "
    "ministerio, los costes han subido un tercio este año, y el sindicato todavía no quiere "
    "negociar los turnos de noche. El alcalde dijo que la ciudad pagará una parte de los gastos "
    "si la región también paga la suya.",
    "it": "Il quotidiano scrive che il porto costruirà due nuove banchine in primavera. Secondo "
    "il ministero, i costi sono aumentati di un terzo quest'anno, e il sindacato non vuole "
    "ancora trattare sui turni di notte. Il sindaco ha detto che la città pagherà una parte "
    "delle spese se anche la regione farà la sua parte.",
    "pt": "O jornal escreve que o porto vai construir dois novos cais na primavera. Segundo o "
    "ministério, os custos subiram um terço este ano, e o sindicato ainda não quer negociar os "
    "turnos da noite. O presidente da câmara disse que a cidade vai pagar uma parte das "
    "despesas se a região também pagar a sua.",
    "pl": "Gazeta pisze, że port zbuduje wiosną dwa nowe nabrzeża. Według ministerstwa koszty "
    "wzrosły w tym roku o jedną trzecią, a związek zawodowy nie chce jeszcze negocjować w "
    "sprawie nocnych zmian. Burmistrz powiedział, że miasto pokryje część kosztów, jeśli "
    "województwo także zapłaci swoją część.",
    "nl": "De krant schrijft dat de haven in het voorjaar twee nieuwe kades gaat bouwen. Volgens "
    "het ministerie zijn de kosten dit jaar met een derde gestegen, en de vakbond wil nog niet "
    "onderhandelen over de nachtdiensten. De burgemeester zei dat de stad een deel van de "
    "kosten betaalt als de provincie ook haar deel betaalt.",
    "hr": "Novine pišu da će luka u proljeće izgraditi dva nova pristaništa. Prema podacima "
    "ministarstva, troškovi su ove godine porasli za trećinu, a sindikat još ne želi "
    "pregovarati o noćnim smjenama. Gradonačelnik je rekao da će grad snositi dio troškova "
    "ako i županija plati svoj dio, što je također potvrdila i vlada.",
    "lt": "Laikraštis rašo, kad uostas pavasarį pastatys dvi naujas prieplaukas. Pasak "
    "ministerijos, išlaidos šiais metais išaugo trečdaliu, o profesinė sąjunga dar nenori "
    "derėtis dėl naktinių pamainų. Meras sakė, kad miestas padengs dalį išlaidų, jei "
    "apskritis taip pat sumokės savo dalį, nors sutartis dar nepasirašyta.",
    "uk": "Газета пише, що порт навесні збудує два нові причали. За даними міністерства, витрати "
    "цього року зросли на третину, а профспілка поки що не хоче вести переговори щодо нічних "
    "змін. Мер сказав, що місто візьме на себе частину витрат, якщо область також сплатить "
    "свою частку, і що роботи почнуться вже в квітні.",
    "bg": "Вестникът пише, че пристанището ще построи два нови кея през пролетта. Според "
    "министерството разходите са се увеличили с една трета тази година, а синдикатът все още "
    "не иска да преговаря за нощните смени. Кметът каза, че градът ще поеме част от "
    "разходите, ако областта също плати своя дял.",
    "el": "Η εφημερίδα γράφει ότι το λιμάνι θα κατασκευάσει δύο νέες προβλήτες την άνοιξη. "
    "Σύμφωνα με το υπουργείο, το κόστος αυξήθηκε κατά ένα τρίτο φέτος, και το συνδικάτο δεν "
    "θέλει ακόμη να διαπραγματευτεί για τις νυχτερινές βάρδιες.",
    "ar": "تكتب الصحيفة أن الميناء سيبني رصيفين جديدين في الربيع. وبحسب الوزارة، ارتفعت "
    "التكاليف بمقدار الثلث هذا العام، ولا تريد النقابة بعد التفاوض بشأن المناوبات الليلية. "
    "وقال رئيس البلدية إن المدينة ستتحمل جزءا من التكاليف إذا دفعت المنطقة حصتها أيضا.",
    "zh": "报纸写道，港口将在春天建造两个新码头。据该部称，今年的成本上涨了三分之一，"
    "工会还不想就夜班进行谈判。市长说，如果地区也支付其份额，城市将承担部分费用。"
    "报纸还写道，新码头将使港口的吞吐量在两年内翻一番，而航运公司已经在等待这一决定。"
    "分析人士认为，如果利率不下降，房价的上涨将持续到明年。",
    "ja": "新聞によると、港は春に二つの新しい岸壁を建設する。省によれば、今年の費用は"
    "三分の一増えており、労働組合はまだ夜勤について交渉したくないという。市長は、"
    "地域も負担するなら市が費用の一部を持つと述べた。新聞はまた、新しい岸壁によって"
    "港の取扱量が二年で倍になると書いている。分析者は、金利が下がらなければ住宅価格の"
    "上昇は来年まで続くと見ている。",
}


@pytest.mark.once
@pytest.mark.parametrize("language", sorted(PROSE))
def test_the_prose_of_each_language_is_recognised(language):
    assert recognise(PROSE[language]) == language


@pytest.mark.once
def test_a_russian_review_reads_as_russian():
    assert recognise((LANGUAGES / "ru_review.txt").read_text(encoding="utf-8")) == "ru"


@pytest.mark.once
@pytest.mark.parametrize(
    "path", [*sorted(FOLDER.glob("*.txt")), *sorted((FOLDER / "frozen").glob("*.txt"))]
)
def test_every_invented_english_review_reads_as_english(path):
    """Names from around the Baltic and the Mediterranean in every one of them."""
    assert recognise(path.read_text(encoding="utf-8")) == "en"


@pytest.mark.once
def test_foreign_names_and_titles_of_papers_do_not_make_a_review_foreign():
    """Polish, Ukrainian and Russian names, "Коммерсантъ", a quoted Polish phrase: English."""
    assert recognise((LANGUAGES / "en_foreign_names.txt").read_text(encoding="utf-8")) == "en"


@pytest.mark.once
@pytest.mark.parametrize(
    "text",
    [
        "Rzeczpospolita: Die Zeitung",
        "Коммерсантъ: Порт строит причалы",
        "MOSCOW, December 4. Газеты пишут о порте.",
        "Frankfurter Allgemeine Zeitung, Süddeutsche Zeitung, Gazeta Wyborcza, Известия",
    ],
)
def test_a_short_text_or_one_of_names_only_is_left_undecided(text):
    assert recognise(text) is None


@pytest.mark.once
def test_markup_does_not_hide_the_language_of_an_html_page():
    russian = (LANGUAGES / "ru_review.txt").read_text(encoding="utf-8")
    assert recognise(as_html(russian)) == "ru"


def as_html(text: str) -> str:
    """`text` as a page's markup, heavier than its prose, as a browser's "copy source" gives."""
    attributes = 'class="article-body__paragraph text-block" data-tracking-id="press-review-main"'
    body = "".join(f"<p {attributes}>{line}</p>\n" for line in text.splitlines() if line)
    return (
        f'<html lang="ru"><head><meta charset="utf-8"></head><body><div>{body}</div></body></html>'
    )


# The parser's answer


@pytest.fixture
def catalogue(db):
    create_catalogue()
    return Catalogue.from_database()


def test_a_review_in_a_language_the_parser_does_not_read_is_refused(catalogue):
    with pytest.raises(ImportFailed, match="reads as Russian; the importer understands"):
        parse_review(text_of("languages/ru_review"), catalogue=catalogue)


def test_a_language_the_site_does_not_publish_in_is_refused(catalogue):
    text = "Press review: Hafen\nBERLIN, 4. März.\n" + PROSE["de"]
    with pytest.raises(ImportFailed, match="German, and this site publishes in English and Rus"):
        parse_review(text, catalogue=catalogue)


def test_a_russian_review_on_a_site_in_english_only_is_refused_as_foreign(catalogue, settings):
    settings.LANGUAGES = [("en", "English")]
    with pytest.raises(ImportFailed, match="this site publishes in English only"):
        parse_review(text_of("languages/ru_review"), catalogue=catalogue)


def test_a_site_without_english_cannot_import_at_all_and_says_so(catalogue, settings):
    settings.LANGUAGES = [("ru", "Russian")]
    with pytest.raises(ImportFailed, match="in English only, and this site publishes in Russian"):
        parse_review(text_of("02_expert_quoted_twice"), catalogue=catalogue)


def test_the_refusal_is_in_the_interface_s_language(catalogue):
    with translation.override("ru"), pytest.raises(ImportFailed) as refusal:
        parse_review(text_of("languages/ru_review"), catalogue=catalogue)
    assert "Текст написан на языке «Русский»" in str(refusal.value)


def test_the_proposal_carries_the_language_it_reads_as(catalogue):
    assert parse_review(text_of("02_expert_quoted_twice"), catalogue=catalogue).language == "en"


def test_the_editor_s_choice_must_agree_with_the_text(catalogue):
    with pytest.raises(ImportFailed, match="You chose Russian, but this text reads as English"):
        parse_review(text_of("02_expert_quoted_twice"), catalogue=catalogue, language="ru")


def test_a_short_text_takes_the_editor_s_choice(catalogue):
    with pytest.raises(ImportFailed, match="You chose Russian; the importer understands"):
        parse_review("Press review: Port\nLISBON, March 3.", catalogue=catalogue, language="ru")
    proposal = parse_review("Press review: Port\nLISBON, March 3.", catalogue=catalogue)
    assert proposal.language == "en"


# Through the admin


def test_pasting_a_russian_review_shows_why_and_saves_nothing(client, editor, catalogue):
    client.force_login(editor)
    for text in (text_of("languages/ru_review"), as_html(text_of("languages/ru_review"))):
        response = client.post(IMPORT_URL, {"text": text, "_parse": "1"})
        assert response.status_code == 200
        errors = response.context["form"].errors["text"]
        assert "This text reads as Russian" in errors[0]
        assert "Paste the English edition" in errors[0]
        assert "This text reads as Russian" in response.content.decode()
    assert Review.objects.count() == 0


def test_an_english_review_full_of_foreign_names_imports_in_english(client, editor, catalogue):
    client.force_login(editor)
    response = client.post(
        IMPORT_URL, {"text": text_of("languages/en_foreign_names"), "_parse": "1"}
    )
    assert response.status_code == 200
    forms = response.context["forms"]
    assert forms.review["language"].value() == "en"
    response = client.post(IMPORT_URL, form_data(forms) | {"_save": "1"})
    assert response.status_code == 302
    review = Review.objects.get()
    assert (review.language, review.stories.count()) == ("en", 2)


def test_the_editor_s_language_contradicted_by_the_text_is_said_in_the_form(
    client, editor, catalogue
):
    client.force_login(editor)
    text = text_of("02_expert_quoted_twice")
    response = client.post(IMPORT_URL, {"text": text, "language": "ru", "_parse": "1"})
    assert "You chose Russian, but this text reads as English" in response.content.decode()
    response = client.post(IMPORT_URL, {"text": text, "language": "en", "_parse": "1"})
    assert response.context["forms"].review["language"].value() == "en"
    assert Review.objects.count() == 0


def test_a_language_that_is_not_the_site_s_cannot_be_chosen(client, editor, catalogue):
    client.force_login(editor)
    text = text_of("02_expert_quoted_twice")
    response = client.post(IMPORT_URL, {"text": text, "language": "de", "_parse": "1"})
    assert response.status_code == 200
    assert "language" in response.context["form"].errors


def test_the_command_refuses_a_russian_file_and_says_why(catalogue):
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_text", str(LANGUAGES / "ru_review.txt"), "--dry-run", stderr=err)
    assert "This text reads as Russian" in err.getvalue()
