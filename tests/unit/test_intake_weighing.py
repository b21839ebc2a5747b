"""Name and company candidates are weighed by several signals, not only by where they first appear."""

from __future__ import annotations

import pytest

from bot.rules.intake import parse_inquiry
from bot.rules.own_side import OwnSide


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # The e-mail's local part spells a name that no label, closing or introduction gives.
        (
            "LinkedIn message\nPriya Raman\nQuality Head at Sunrise Dairy Foods Pvt. Ltd., Pune, Maharashtra, India "
            "and 3 other plants across the western region\n\nHello, please send prices for a milk analyser. "
            "p.raman@sunrisedairy.in",
            "Priya Raman",
        ),
        ("X DM from @dairy_kid (Maren Holt)\nprice of a pH meter? maren.holt@outlook.com", "Maren Holt"),
        # A bare first name in the introduction gives way to the full name under the closing.
        (
            "Good morning, this is Tomasz with Baltic Feed Lab Sp. z o.o. We need a NIR analyser.\n\n"
            "Regards\nTomasz Nowicki\nLab Manager\n",
            "Tomasz Nowicki",
        ),
        # A bare first name is completed by an address "first.last@".
        ("Hi, Rodrigo from Aguas del Sur here. Please quote a turbidimeter. rodrigo.paz@aguasdelsur.com.ar",
         "Rodrigo Paz"),
        # "Контакт:" is a name label.
        ("Прошу счёт на сушильный шкаф.\nОрганизация: ИП Ахметов Б.К.\nКонтакт: Бауыржан, +7 701 555 12 34",
         "Бауыржан"),
        # Russian "Фамилия Имя Отчество" is recorded as written (session 7: every corpus writer records it so).
        (
            "От: Кузнецов Андрей Петрович <a.kuznetsov@labsib.ru>\nТема: запрос\n\nНужен рН-метр, 2 шт.",
            "Кузнецов Андрей Петрович",
        ),
        # "de" and a city after a first name say where the person is from.
        ("Salam, c'est Karim de Rabat. Prix d'une étuve svp? 0661-220-318", "Karim"),
        # "First/Last:" is a name label.
        ("Website form\nFirst/Last: Dana Whitfield\nCompany: Ohio Soil Lab LLC\nMessage: quote a muffle furnace",
         "Dana Whitfield"),
        # Self-introductions in Polish, Portuguese and Swahili.
        ("Dzień dobry, nazywam się Marek Zieliński i potrzebuję oferty na wagę analityczną.", "Marek Zieliński"),
        ("Bom dia, chamo-me Rui Figueiredo e preciso de um orçamento para uma mufla.", "Rui Figueiredo"),
        ("Habari! Mimi ni Baraka Otieno kutoka Kisumu. Tunahitaji pH meter.", "Baraka Otieno"),
        # Signing prefixes go: German "i.A.", Portuguese "Eng.ª".
        ("Bitte um ein Angebot.\nMit freundlichen Grüßen\n\ni.A. Jonas Weber\nEinkauf\nWeber Analytik GmbH",
         "Jonas Weber"),
        ("Prezados, orçamento de uma estufa.\nAtenciosamente,\nEng.ª Carla Nunes\nLaticínios Boa Vista Ltda.",
         "Carla Nunes"),
        # A chat message signed on its last line after a dash.
        ("Hi, price for 2 centrifuges pls. Delivery Abuja.\n— Emeka, Garki Diagnostics", "Emeka"),
        # The first name of an introduction is completed by a fuller name elsewhere.
        ("Hi, this is Ravi from Konkan Agro Chemicals Pvt Ltd. Need a vacuum pump.\nRavi Desai | +91 98200 11223",
         "Ravi Desai"),
        # A signature that starts with the company and a department line: the person signs below them.
        (
            "Buenos días:\nPresupuesto de un durómetro, por favor.\n\nUn saludo,\n\nHIERROS DEL EBRO, S.A.\n"
            "Dpto. Compras\nLucía Romero Gil\nT. 976 11 22 33\n",
            "Lucía Romero Gil",
        ),
        # A German degree joined to the title is an honorific.
        ("Bitte um ein Angebot für ein Viskosimeter.\n\nMit freundlichen Grüßen\nDr.-Ing. Jonas Keller\nTU Ilmenau\n",
         "Jonas Keller"),
    ],
)
def test_the_customer_name_is_weighed(text: str, name: str) -> None:
    assert parse_inquiry(text).customer_name == name


@pytest.mark.parametrize(
    ("text", "company"),
    [
        # A generic word that is the company's own first word ("Empresa Ltda") is kept: the name is not "Ltda".
        ("Alibaba inquiry from Maria Silva, Empresa Ltda\nWhatsApp: +55 11 98765-4321\nQuote 20 flow meters.",
         "Empresa Ltda"),
        ("Hola, soy Juan Pérez, Empresa S.A.\nNecesito un pHmetro.", "Empresa S.A."),
        # The customer's e-mail domain spells their company; the trade fair met earlier in the text is none.
        (
            "Hi Mr Li,\nNice meeting you at Lab Asia Expo in Kuala Lumpur. Please quote the water purifier.\n"
            "Siti Aminah\nQC Lead, Permata Water Services\nsiti@permatawater.com.my\n",
            "Permata Water Services",
        ),
        # A word for "company" and then its name, in any position.
        ("Добрый день! Компания АгроТестСервис, Казань. Нужен влагомер зерна.", "АгроТестСервис"),
        ("Habari, Tunahitaji pH meter. Kampuni yetu ni Pwani Water Labs Ltd. Asante.", "Pwani Water Labs Ltd."),
        ("Dzień dobry, reprezentuję firmę AgroChem Opole Sp. z o.o. Prosimy o ofertę.", "AgroChem Opole Sp. z o.o."),
        ("电话记录：智利客户来电，公司 Viña Los Robles SpA，在圣地亚哥，要报价。", "Viña Los Robles SpA"),
        # A name that ends in a legal form inside a sentence; a person before "del Laboratorio ..." is not in it.
        ("Hi team, I'm the buyer at Serengeti Breweries Ltd. We need 2 pH meters. Regards, Joseph Mrema",
         "Serengeti Breweries Ltd"),
        ("Bonjour, je suis responsable du labo chez AgroAnalyse Tunisie SARL. Un devis svp ?",
         "AgroAnalyse Tunisie SARL"),
        ("Buongiorno, sono Marta Conti del Laboratorio Analisi Parma S.r.l. e vorrei un preventivo.",
         "Laboratorio Analisi Parma S.r.l."),
        # "called X"; "and" before a capitalised word stays in the name.
        ("Hello, we run a small pharmacy chain in Kumasi called WellSpring Pharmacy. Need a lab fridge.",
         "WellSpring Pharmacy"),
        ("On behalf of Ndola Water and Sewerage Company, I request a quotation for 3 turbidity meters.",
         "Ndola Water and Sewerage Company"),
        # A role, then a public body; a faculty in brackets is cut.
        ("Hello\nI am procurement officer for Ministry of Health, Juba. We need 10 microscopes.", "Ministry of Health"),
        ("Our university (Universiti Sains Malaysia, Faculty of Pharmacy) wants 2 rotary evaporators.",
         "Universiti Sains Malaysia"),
        # "em <city>" after the company is where it is, not a company to unwrap.
        ("Olá! Meu nome é Juliana Ribeiro, trabalho na Cervejaria Serra Alta em Petrópolis. Vocês vendem densímetro?",
         "Cervejaria Serra Alta"),
        # A capitalised run with a company word after a preposition; goods after "sell" are none.
        ("Hi, Carla here. I manage the lab at Bodega Las Piedras (San Juan). We need a refractometer.",
         "Bodega Las Piedras"),
        ("Меня зовут Сергей Волков, я закупщик в компании «УралХимТест». Интересует титратор.", "УралХимТест"),
        # A colleague's one-line note keeps its text: the customer is in it.
        ("Call note (Lisa Wang): spoke with Mr. Diego Ferreira, purchasing at Frigorífico Salto S.A. (Uruguay).",
         "Frigorífico Salto S.A."),
        # A department is inside the organisation, never the company.
        (
            "Call from Dr. Ama Owusu, University of Cape Coast (Department of Chemistry), wants a fume hood.",
            "University of Cape Coast",
        ),
        # A Russian legal form before a quoted name, inside a sentence.
        ("Пишет вам Олег Сидоренко, инженер лаборатории ОАО «Гомельхим». Нужен хроматограф.", "ОАО «Гомельхим»"),
        # A long sentence after the legal form is cut at the form.
        (
            "Merhaba,\nBen Ayşe Kaya, Marmara Su Analiz Laboratuvarları A.Ş. kalite biriminden yazıyorum. "
            "2 adet pH metre için teklif rica ediyoruz.",
            "Marmara Su Analiz Laboratuvarları A.Ş.",
        ),
        # Signature blocks under closings in Serbian and Greek, with their legal forms.
        (
            "Poštovani,\nTrebamo ponudu za tvrdomer.\n\nS poštovanjem,\nMarko Ilić\nBeoLab Analitika d.o.o.\n"
            "Mob: 063 555 1212",
            "BeoLab Analitika d.o.o.",
        ),
        (
            "Καλημέρα,\nΘέλουμε προσφορά για φασματόμετρο.\n\nΜε εκτίμηση,\nΝίκος Γεωργίου\n"
            "Ελληνικά Εργαστήρια Α.Ε.\nΑθήνα",
            "Ελληνικά Εργαστήρια Α.Ε.",
        ),
        # "PJSC" is a legal form; a signature line ends in it.
        ("Please quote two pH meters.\n\nBest regards,\nIryna Bondar\nOdesahim PJSC\n", "Odesahim PJSC"),
        # A capitalised "Van" starts the company's name; only a lowercase link before the name is dropped.
        (
            "Please quote a viscometer.\n\nMet vriendelijke groeten,\nJan de Vries\nVan der Meer Coatings B.V.\n",
            "Van der Meer Coatings B.V.",
        ),
        # After a job title, "at" names the employer even without a company word; a city after "at" is no employer.
        (
            "LinkedIn message from Rosa Ibarra\nRosa Ibarra · Purchasing Manager at Aceros Finos del Bajío\n\n"
            "Hi, we need a Brinell tester. rosa@acerosfinos.mx",
            "Aceros Finos del Bajío",
        ),
        ("LinkedIn message from Rosa Ibarra\nRosa Ibarra · Purchasing Manager at Mexico City\n\nWe need a Brinell "
         "tester.", None),
        # A lowercase prefix joined by a hyphen ("e-" is Zulu "at") is not part of the company.
        (
            "Sawubona! Ngingu Themba Khumalo, ngisebenza e-Nkomazi Sugar Testing (Pty) Ltd. Sidinga i-refractometer.",
            "Nkomazi Sugar Testing (Pty) Ltd",
        ),
        # A school of a university is inside it: the university named after it is the organisation.
        (
            "Hello, I am writing as Grace Achieng, Lecturer, School of Civil Engineering, Kisumu Polytechnic "
            "University. We need a compression tester.",
            "Kisumu Polytechnic University",
        ),
        # A chat display name's short company gives way to the full one said in an Arabic sentence; the Latin
        # name ends where the Arabic goes on.
        (
            "Eng. Omar Farouk (Nile Labs): مساء الخير\nEng. Omar Farouk (Nile Labs): أنا من شركة Nile Labs for "
            "Water Analysis في الإسكندرية\nEng. Omar Farouk (Nile Labs): محتاجين جهاز عكارة",
            "Nile Labs for Water Analysis",
        ),
        # An Arabic job title ("supervisor of the chemistry lab") is not the company; the university after it is.
        (
            "مرحبا، أنا سلمى الحسن، مشرفة مختبر الكيمياء في كلية العلوم – الجامعة الهاشمية، الزرقاء.\n"
            "نحتاج جهاز قياس الحموضة.",
            "الجامعة الهاشمية",
        ),
        # In a Chinese hand-off a unit of the organisation may stand between its Latin name and 的.
        ("WhatsApp来的，客户是秘鲁 Andes Mining Group 质检部的经理，要一台光谱仪。", "Andes Mining Group"),
        # A German university is an institution.
        ("Bitte ein Angebot für ein Refraktometer.\n\nViele Grüße\nAnna Weber\nUniversität Bremen\n",
         "Universität Bremen"),
    ],
)
def test_the_company_is_weighed(text: str, company: str | None) -> None:
    assert parse_inquiry(text, OWN).company == company


OWN = OwnSide.build(domains=["kerun-sci.com"], phones=["+86 571 8765 4321"], home_country="CN", names=["Lisa Wang"])


def test_a_us_state_in_a_web_form_places_a_national_number() -> None:
    parsed = parse_inquiry("Website form\nName: Dana Whitfield\nPhone: (614) 555-0142\nState: Ohio\nMessage: quote")
    assert parsed.phone == "+16145550142"
