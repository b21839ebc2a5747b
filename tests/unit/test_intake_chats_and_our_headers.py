"""What holdout69 and holdout70 showed the intake missing: a header that names our person as its recipient ("To:
Kevin Zhou") or a colleague's hand-off under our own header after a title line hid the customer's whole message; a
chat writer who signs with a message that is only their name, or with a lower-case company and its legal form;
"م." before an Arabic name, "بن" inside one; "Messenger · Giulia Romano" over the messages; Egyptian Arabic typed in
Latin letters and a German "0176 / 2233 4455" read where they are written, not as Chinese numbers."""

from __future__ import annotations

import pytest

from bot.rules.intake import OwnSide, parse_inquiry

HOME = OwnSide.build(domains=["acme-instruments.cn"], phones=["+86 755 2666 0000"], home_country="CN",
                     names=["Kevin Zhou", "Lisa Wang", "王磊", "周婷"])


def test_a_message_whose_header_names_our_person_as_recipient_is_the_customers() -> None:
    text = ("LinkedIn message\nFrom: Tomás Figueroa Rojas · Lab Manager at Viñedos del Elqui SpA\nTo: Lisa Wang\n\n"
            "Hi Lisa, we need a benchtop pH meter and a refractometer for our winery lab.\n"
            "My e-mail: tfigueroa@vinedoselqui.cl, cell +56 9 6123 4580.\nTomás\n")
    parsed = parse_inquiry(text, HOME)
    assert (parsed.customer_name, parsed.company, parsed.phone) == (
        "Tomás Figueroa Rojas", "Viñedos del Elqui SpA", "+56961234580")


def test_a_colleagues_hand_off_under_a_title_line_keeps_the_customers_card() -> None:
    text = ("内部转交\nFrom: 王磊 <wanglei@acme-instruments.cn>\nTo: 周婷 <zhouting@acme-instruments.cn>\n"
            "Subject: 哥伦比亚客户转给你\n\n周婷你好，展会上认识的客户，转给你跟进，名片如下：\n\n"
            "Camila Andrea Rueda\nDirectora de Laboratorio\nBioanálisis Andino S.A.S.\nCel. 311 482 7765\n"
            "crueda@bioandino.com.co\n\n有问题打我手机 139 1826 5507。\n")
    parsed = parse_inquiry(text, HOME)
    assert (parsed.customer_name, parsed.phone, parsed.email) == (
        "Camila Andrea Rueda", "+573114827765", "crueda@bioandino.com.co")


def test_a_quoted_reply_of_ours_is_still_ours() -> None:
    text = ("Please quote 2 ovens.\nAli Hassan\nali@labco.ae\n\nFrom: Lisa Wang <lisa.wang@acme-instruments.cn>\n"
            "To: Ali Hassan\nDear Ali, noted. Call me on +86 138 0013 8000.\n")
    assert parse_inquiry(text, HOME).phone is None


def test_on_behalf_of_our_qc_manager_gives_the_managers_contacts() -> None:
    text = ("Hello Lisa,\nI'm writing on behalf of our QC manager, Dr. Leila Nasser. We need a stability chamber.\n"
            "Please send the offer to Dr. Leila: leila.nasser@cedarpharma.jo, mobile 079 531 2280.\n"
            "Regards,\nHala Saleh\nPurchasing\nTel: 06 552 1180\n")
    parsed = parse_inquiry(text, HOME)
    assert (parsed.customer_name, parsed.phone) == ("Leila Nasser", "+962795312280")


@pytest.mark.parametrize(("signing", "name"), [
    ("Priya Raman btw", "Priya Raman"),
    ("Hamad bin Khalid Al-Rashdi", "Hamad bin Khalid Al-Rashdi"),
    ("Ayelech Tesfaye 谢谢!", "Ayelech Tesfaye"),
])
def test_a_chat_message_that_is_only_a_name_signs_its_writer(signing: str, name: str) -> None:
    number = "+44 7700 912345"
    text = (f"[09:12, 2/4/2026] {number}: hi, do you sell water baths? need 2 for a teaching lab\n"
            f"[09:13, 2/4/2026] {number}: price pls\n[09:13, 2/4/2026] {number}: {signing}\n")
    assert parse_inquiry(text, HOME).customer_name == name


@pytest.mark.parametrize("message", ["Good Morning", "Buenos Aires", "Thank You"])
def test_a_chat_message_of_courtesy_or_a_place_signs_no_one(message: str) -> None:
    number = "+54 9 11 5512 3344"
    text = (f"[09:12, 2/4/2026] {number}: necesito precio de una centrífuga\n"
            f"[09:13, 2/4/2026] {number}: {message}\n")
    assert parse_inquiry(text, HOME).customer_name is None


def test_a_chat_signature_with_a_lower_case_company_and_its_legal_form_names_the_writer() -> None:
    number = "+254 722 418 903"
    text = (f"[12:15, 5/3/2026] {number}: Hello\n[12:16, 5/3/2026] {number}: I want price for 3 moisture meters\n"
            f"[12:17, 5/3/2026] {number}: Wanjiru Kamau, kamau grain labs ltd, Nakuru\n")
    assert parse_inquiry(text, HOME).customer_name == "Wanjiru Kamau"


def test_an_arabic_name_after_a_shortened_title_and_one_with_bin() -> None:
    chat = ("[14:03, 4/2/2026] +971 50 412 7788: السلام عليكم ورحمة الله\n"
            "[14:04, 4/2/2026] +971 50 412 7788: نحتاج عرض سعر لجهاز طرد مركزي\n"
            "[14:06, 4/2/2026] +971 50 412 7788: م. سالم الكعبي\nمختبرات الواحة ذ.م.م\n")
    assert parse_inquiry(chat, HOME).customer_name == "سالم الكعبي"
    tender = ("للاستفسارات التجارية:\nد. ناصر بن عبدالله القحطاني – إدارة المختبرات\nجوال: 0553 218 447\n"
              "بريد: n.alqahtani@hwql.gov.sa\n")
    assert parse_inquiry(tender, HOME).customer_name == "ناصر بن عبدالله القحطاني"


def test_a_platforms_title_line_with_the_senders_name_and_grazie_mille() -> None:
    text = ("Messenger · Chiara Bellini\nCiao! Lavoro per Oleificio Umbro S.r.l., ci servirebbe un "
            "rifrattometro. Il mio cell è 347 218 5531\ngrazie mille\n")
    parsed = parse_inquiry(text, HOME)
    assert (parsed.customer_name, parsed.phone) == ("Chiara Bellini", "+393472185531")
    assert parse_inquiry(text.replace("Messenger · Chiara Bellini\n", ""), HOME).customer_name != "mille"


def test_egyptian_arabic_in_latin_letters_reads_its_bare_number_in_egypt() -> None:
    text = ("Messenger — Hany Samir\nezayak ya basha, 3ayez as3ar water bath w shaker le el ma3mal\n"
            "kalemny 3ala el whatsapp 01223456789\nshokran\n")
    parsed = parse_inquiry(text, HOME)
    assert (parsed.phone, parsed.phone_country) == ("+201223456789", "EG")


def test_arabic_words_every_dialect_types_so_tell_no_egypt() -> None:
    text = "salam, e7na lab fe Dubai, 3ala el whatsapp please, shokran\n050 123 4567\n"
    assert parse_inquiry(text, HOME).phone_country != "EG"


def test_a_german_mobile_with_its_prefix_set_off_by_a_slash() -> None:
    text = ("Website-Chat\n[10:12] Jonas: hallo, ich suche zwei Trockenschränke bis 300 °C\n"
            "[10:14] Jonas: Jonas Keller, keller labortechnik e.K.\n[10:14] Jonas: mobil 0151 / 4422 7788\n")
    assert parse_inquiry(text, HOME).phone == "+4915144227788"


def test_a_customers_line_over_our_reply_to_them_is_no_hand_off() -> None:
    text = ("Any update on this quotation please?\nFrom: Lisa Wang <lisa.wang@acme-instruments.cn>\n"
            "To: Ahmed Karim <a.karim@gulfbiolab.ae>\nSubject: RE: Centrifuge\n\nDear Ahmed, our distributor "
            "Mr. Tariq Aziz (+971 4 339 1122) will visit you.\nLisa\n")
    assert parse_inquiry(text, HOME).phone is None


@pytest.mark.parametrize("wish", ["Eid Mubarak", "Ramadan Kareem", "Happy New Year"])
def test_a_wish_sent_as_a_whole_message_signs_no_one(wish: str) -> None:
    number = "+966 55 871 3204"
    text = f"[09:12, 2/4/2026] {number}: need price for 2 ovens\n[09:13, 2/4/2026] {number}: {wish} 🙏\n"
    assert parse_inquiry(text, HOME).customer_name is None


def test_a_buyer_who_keeps_the_quote_keeps_it_over_the_professor_of_the_subject_line() -> None:
    text = ("From: Efua Mensah <e.mensah@ktu.edu.gh>\nTo: info@acme-instruments.cn\n"
            "Subject: RFQ – balances – on behalf of Prof. Yaw Boateng\n\nDear Sir/Madam,\n\n"
            "Please address your pro-forma invoice to the Procurement Unit (attention: myself). Prof. Boateng can be "
            "reached on 024 412 7781 for technical clarifications only.\n\nYours faithfully,\nEfua Mensah\n"
            "Procurement Officer\nTel: 032 202 6655\n")
    parsed = parse_inquiry(text, HOME)
    assert (parsed.customer_name, parsed.phone) == ("Efua Mensah", "+233322026655")


def test_the_writer_who_heads_the_note_keeps_their_number_over_a_mobile_forwarded_below() -> None:
    text = ("From: Renata Alves <renata.alves@ufpx.edu.br>\nTo: Lisa Wang <lisa.wang@acme-instruments.cn>\n"
            "Subject: Proposta – centrífuga\n\nPrezada Lisa, encaminho abaixo o pedido do professor. Toda a "
            "correspondência comercial deve ser enviada para mim.\n\nRenata Alves\nDivisão de Compras\n"
            "Tel.: (31) 3409-5521\n\n---------- Mensagem encaminhada ---------\n"
            "De: Paulo Souza <psouza@ufpx.edu.br>\nPreciso de uma centrífuga. Meu celular é (31) 99712-4450.\n")
    assert parse_inquiry(text, HOME).phone == "+553134095521"


def test_a_reseller_passing_its_client_on_in_spanish() -> None:
    text = ("From: Julián Ortiz <jortiz@distrilab.com.ar>\nTo: Kevin Zhou <kevin.zhou@acme-instruments.cn>\n\n"
            "Hola Kevin, no trabajamos esa línea, así que te paso el contacto directo del cliente:\n\n"
            "Ing. Sofía Ramos\nLaboratorio Pampa S.A.\nsramos@labpampa.com.ar\nCel: +54 9 11 5566 7788\n\n"
            "Saludos,\nJulián Ortiz\nDistrilab S.R.L.\nTel: (011) 4862-1100\n")
    parsed = parse_inquiry(text, HOME)
    assert (parsed.email, parsed.phone) == ("sramos@labpampa.com.ar", "+5491155667788")


@pytest.mark.parametrize(("shown", "address"), [
    ("Vergabestelle IFM Dresden", "vergabe@ifm-dresden.de"),
    ("Abastecimiento Hospital Regional", "abastecimiento@hrv.cl"),
])
def test_a_procurement_mailboxs_display_name_is_no_person(shown: str, address: str) -> None:
    text = (f"From: {shown} <{address}>\nTo: sales@acme-instruments.cn\nSubject: Angebot\n\n"
            "Bitte senden Sie Ihr Angebot an dieses Postfach.\n\nMit freundlichen Grüßen\ni. A. Petra Lange\n")
    assert parse_inquiry(text, HOME).customer_name == "Petra Lange"


def test_the_speaker_of_messages_copied_from_telegram_desktop_over_a_client_named_in_them() -> None:
    text = ("Telegram forward\nKhalid Mansour, [17.03.2026 11:02]\nHello, we buy lab equipment for clients.\n\n"
            "Khalid Mansour, [17.03.2026 11:04]\nThe client's supervisor is Mr. Nasser Al-Abri (+968 9312 4486) but "
            "please send the quotation to us only.\n\nKhalid Mansour, [17.03.2026 11:05]\nMy WhatsApp: 055 902 1137\n")
    assert parse_inquiry(text, HOME).customer_name == "Khalid Mansour"


def test_an_assistant_who_asks_for_the_quote_herself_in_spanish() -> None:
    text = ("Daniela Ruiz: le escribo de parte del Dr. Mauricio Peña, gerente del laboratorio\n"
            "Daniela Ruiz: por favor me envía la cotización a mí a compras@labpena.com.co\n")
    assert parse_inquiry(text, HOME).customer_name == "Daniela Ruiz"


@pytest.mark.parametrize("street", ["Av. Grecia 1540", "Calle Colombia 220", "Rua Bélgica 88"])
def test_a_street_named_after_a_country_is_no_country(street: str) -> None:
    text = f"Solicitamos cotización de una mufla.\nMarta Díaz\n{street}, Antofagasta, Chile\nmdiaz@labnorte.cl\n"
    assert parse_inquiry(text, HOME).named_countries == ("CL",)


def test_an_international_number_broken_over_two_lines_by_a_chat_window() -> None:
    text = ("[Forwarded from Musa Abdullahi]\nIna son farashin centrifuge guda daya.\n"
            "Kira ni a lamba +234 803\n412 7765\n")
    assert parse_inquiry(text, HOME).phone == "+2348034127765"


def test_a_number_on_its_own_line_under_another_stays_apart() -> None:
    text = "Please quote a water bath.\nTel: +234 803 412 7765\n2 units\n"
    assert parse_inquiry(text, HOME).phone == "+2348034127765"


def test_a_french_company_keeps_its_d_apostrophe() -> None:
    text = ("Bonjour, merci de nous adresser un devis pour un spectrophotomètre.\nKarim Alaoui\n"
            "Société Marocaine d'Essais Agricoles SARL\nk.alaoui@smea.ma\n")
    assert parse_inquiry(text, HOME).company == "Société Marocaine d'Essais Agricoles SARL"


def test_an_italian_elided_article_still_opens_the_company_after_a_name() -> None:
    text = "Ciao, sono Marco dell'Enologica Senese Srl, ci serve un densimetro. Cell 339 482 7716\n"
    assert parse_inquiry(text, HOME).company == "Enologica Senese Srl"


@pytest.mark.parametrize(("short", "signed"), [
    ("Rosa Mendoza", "Rosa Elvira Mendoza Torres"),
    ("Martin Sosa", "Martín Ezequiel Sosa"),
])
def test_a_labelled_short_name_gives_way_to_the_signature_in_full(short: str, signed: str) -> None:
    text = (f"Made-in-China.com Inquiry\nFrom: {short}\nCompany: Agroexportadora Sur S.A.C.\nCountry: Peru\n"
            f"Email: contacto@agrosur.pe\n\nPlease quote 2 moisture analyzers.\nBest regards,\n{signed}\n")
    assert parse_inquiry(text, HOME).customer_name == signed


def test_street_hero_san_martin_is_no_country_and_qfb_no_name() -> None:
    text = ("Solicito cotización de un fotómetro.\nQFB Lorena Ibarra Soto\nLaboratorio Ibarra S.A. de C.V.\n"
            "Av. General San Martín 1520, Monterrey, México\nlibarra@labibarra.mx\n")
    parsed = parse_inquiry(text, HOME)
    assert (parsed.customer_name, parsed.named_countries) == ("Lorena Ibarra Soto", ("MX",))


def test_the_basmala_and_a_college_are_no_names_and_abd_joins_the_next_name() -> None:
    text = ("بسم الله الرحمن الرحيم\nكلية العلوم الطبية التطبيقية\nنرجو تزويدنا بعرض سعر لجهاز طرد مركزي مبرد.\n"
            "د. ماجد سالم عبد الكريم\nجوال: 0553 218 447\n")
    assert parse_inquiry(text, HOME).customer_name == "ماجد سالم عبد الكريم"


def test_our_reply_under_the_customers_line_names_them_by_its_to_line() -> None:
    text = ("Any update on this quotation please?\nFrom: Lisa Wang <lisa.wang@acme-instruments.cn>\n"
            "To: Ahmed Karim <a.karim@gulfbiolab.ae>\nSubject: RE: Centrifuge\n\nDear Ahmed, our distributor "
            "Mr. Tariq Aziz (+971 4 339 1122) will visit you.\nLisa\n")
    assert parse_inquiry(text, HOME).customer_name == "Ahmed Karim"


@pytest.mark.parametrize("note", [
    "Por favor no me envíen la cotización a mí; envíenla directamente al Dr. Andrés Rojas, arojas@labandes.co.",
    "Send the quotation to Dr. Andrés Rojas, arojas@labandes.co; all correspondence should be sent to me and to him.",
])
def test_a_writer_who_sends_the_quote_on_does_not_keep_it(note: str) -> None:
    text = f"Buenos días,\n{note}\nCarolina Méndez\nAsistente\nTel: 604 268 3391\n"
    assert parse_inquiry(text, HOME).email == "arojas@labandes.co"


def test_a_reseller_registering_its_clients_project_in_its_own_name_keeps_the_quote() -> None:
    text = ("From: Julián Ortiz <jortiz@distrilab.com.ar>\nTo: Kevin Zhou <kevin.zhou@acme-instruments.cn>\n\n"
            "Hola Kevin, te paso los datos del cliente para que registren la oportunidad a nuestro nombre:\n\n"
            "Ing. Sofía Ramos\nLaboratorio Pampa S.A.\nsramos@labpampa.com.ar\n\n"
            "La cotización, a nombre de Distrilab S.R.L., por favor.\nJulián Ortiz\nDistrilab S.R.L.\n")
    assert parse_inquiry(text, HOME).email == "jortiz@distrilab.com.ar"


def test_a_secretary_who_asks_for_the_angebot_herself() -> None:
    text = ("Von: Petra Lang <petra.lang@hs-lausitz.de>\nAn: info@acme-instruments.cn\n\n"
            "Sehr geehrte Damen und Herren,\nim Auftrag von Herrn Prof. Dr. Jens Adler bitte ich um ein Angebot für "
            "einen Muffelofen. Richten Sie das Angebot bitte an mich. Fachliche Rückfragen: "
            "jens.adler@hs-lausitz.de\n\nMit freundlichen Grüßen\n"
            "Petra Lang\nSekretariat\n")
    parsed = parse_inquiry(text, HOME)
    assert (parsed.customer_name, parsed.email) == ("Petra Lang", "petra.lang@hs-lausitz.de")


def test_a_fuller_name_in_a_sentence_about_someone_else_does_not_replace_the_writers() -> None:
    text = ("Formulário de contato\nNome: Carlos Silva\nEmpresa: Agrolab Ltda.\nE-mail: carlos@agrolab.com.br\n"
            "Mensagem: nosso diretor, Eng. Carlos Eduardo Silva Santos, pediu um orçamento de uma estufa.\n")
    assert parse_inquiry(text, HOME).customer_name == "Carlos Silva"


def test_a_role_before_d_apostrophe_is_no_part_of_the_company() -> None:
    text = "Bonjour, je suis Responsable Achats d'Analytika Maroc SARL, merci pour un devis.\nk.idrissi@analytika.ma\n"
    assert parse_inquiry(text, HOME).company == "Analytika Maroc SARL"


def test_a_secretary_in_russian_sends_the_offer_to_the_director_herself_asked() -> None:
    text = ("От: Приёмная ООО «Фарм Лаб» <info@pharmlab.uz>\nКому: sales@acme-instruments.cn\n\nЗдравствуйте!\n"
            "Просим направить КП на тестер растворения.\nКП просьба направлять лично директору:\n"
            "Каримов Азиз Рустамович — a.karimov@pharmlab.uz, моб. +998 93 512 47 80.\n\n"
            "С уважением,\nНигора Юсупова, секретарь\nТел. приёмной: +998 71 238 64 15\n")
    parsed = parse_inquiry(text, HOME)
    assert (parsed.email, parsed.phone) == ("a.karimov@pharmlab.uz", "+998935124780")


def test_a_portuguese_referral_gives_the_referred_persons_address() -> None:
    text = ("De: Marcos Lima <marcos.lima@agrolab.com.br>\nPara: Lisa Wang <lisa.wang@acme-instruments.cn>\n\n"
            "Olá Lisa, quero te apresentar a Dra. Helena Prado, do laboratório de solos da Fundação Cerrado.\n"
            "Os contatos dela: helena.prado@fcerrado.org.br, celular (61) 99823-4471.\n"
            "Por favor, tratem diretamente com ela. Abraço!\n\nMarcos Lima\nAgroLab Ltda.\n(64) 99641-2280\n")
    assert parse_inquiry(text, HOME).email == "helena.prado@fcerrado.org.br"


def test_deal_with_her_directly_in_portuguese_gives_her_address() -> None:
    text = ("De: Marcos Lima <marcos.lima@agrolab.com.br>\nPara: Lisa Wang <lisa.wang@acme-instruments.cn>\n\n"
            "Olá Lisa, a Dra. Helena Prado precisa de um ICP-OES. Por favor, tratem diretamente com ela: "
            "helena.prado@fcerrado.org.br, (61) 99823-4471.\n\nAbraço,\nMarcos Lima\n(64) 99641-2280\n")
    assert parse_inquiry(text, HOME).email == "helena.prado@fcerrado.org.br"


@pytest.mark.parametrize("aside", [
    "O desembaraço fica com a nossa despachante, a Sra. Vânia Prado. Os contatos dela: vania@pradodespachos.com.br, "
    "(13) 3219-5540.",
    "Se houver dúvidas sobre os métodos, tratem diretamente com ela: vania@hidrolab.com.br, (13) 3219-5540.",
])
def test_a_referral_for_customs_or_questions_only_keeps_the_writer(aside: str) -> None:
    text = ("De: Cláudia Moreira <claudia@moreiraequip.com.br>\nPara: Lisa Wang <lisa.wang@acme-instruments.cn>\n\n"
            f"Olá Lisa, precisamos de cotação de 2 estufas. {aside}\n\nAtenciosamente,\nCláudia Moreira\n"
            "Moreira Equipamentos Ltda.\n(11) 4112-7788\n")
    assert parse_inquiry(text, HOME).email == "claudia@moreiraequip.com.br"
