"""Distractors around the buyer's contacts: colleagues, second contacts, departments and forwarders named in
passing, our colleague's hand-off note, labels in more languages. Every example is invented for this file."""

from __future__ import annotations

from bot.rules.intake import OwnSide, parse_inquiry

OWN = OwnSide.build(domains=["example-instruments.cn"], phones=["+86 21 6000 1234"], names=["李娜", "Li Na"])


def test_a_persian_mobile_label_reads_a_national_number_by_the_legal_form() -> None:
    parsed = parse_inquiry("李娜 转来的客户（她的电话 +86 139 1234 5678）：\nسلام\nشرکت: Derya Kimya Ltd. Şti.\n"
                           "یک دستگاه اسپکتروفتومتر می‌خواهیم.\nتلفن همراه: 0532 418 77 20", OWN)
    assert parsed.phone == "+905324187720"


def test_an_indonesian_no_saya_labels_the_writer_s_number() -> None:
    parsed = parse_inquiry("Halo kak, saya Rina dari PT Sinar Abadi, mau tanya harga timbangan analitik.\n"
                           "no saya 0812 6645 3901 ya", OWN)
    assert parsed.phone == "+6281266453901"


def test_a_colleague_for_technical_questions_is_not_the_buyer() -> None:
    parsed = parse_inquiry("Hello,\nWe need 2 muffle furnaces for our ceramics lab in Gothenburg. "
                           "For technical questions please call my colleague Erik Lund, 070 123 45 67.\n"
                           "Best regards\nAnna Berg\n"
                           "Mobile 073 555 12 34\nanna.berg@keramik-lab.se", OWN)
    assert parsed.phone == "+46735551234"
    assert "+46701234567" in parsed.other_phones


def test_a_vietnamese_anh_before_a_name_points_to_someone_else() -> None:
    parsed = parse_inquiry("Kính gửi Quý công ty,\nTôi là Lê Thị Mai, phòng mua hàng Công ty CP Thủy sản Biển Đông.\n"
                           "Về kỹ thuật xin liên hệ anh Phạm Văn Tú – 0912 345 678.\nSĐT của tôi: 0987 654 321\n"
                           "mai.lt@biendong-seafood.vn", OWN)
    assert parsed.phone == "+84987654321"


def test_a_titled_person_who_follows_the_import_is_a_second_contact() -> None:
    parsed = parse_inquiry("Boa tarde,\nPrecisamos de 3 estufas. Quem vai cuidar da importação é o Sr. Paulo Reis, do "
                           "nosso setor de compras, fone (11) 98123-4567.\nAbraços\nMarta Lopes\n(11) 97777-1212\n"
                           "marta@estufas-exemplo.com.br", OWN)
    assert parsed.phone == "+5511977771212"


def test_an_assistant_s_mailbox_gives_way_to_the_signer_s() -> None:
    parsed = parse_inquiry("Dear team,\nKindly quote 5 conductivity meters. "
                           "For invoices and shipping documents write to my assistant "
                           "Ms. Leila Haddad at leila.h@example-water.jo.\n"
                           "Best,\nSami Nasser\n"
                           "sami.nasser@example-water.jo\n+962 79 888 1234", OWN)
    assert parsed.email == "sami.nasser@example-water.jo"


def test_a_german_colleague_after_wenden_sie_sich_an_is_not_the_buyer() -> None:
    parsed = parse_inquiry("Guten Tag,\nwir benötigen ein Refraktometer. "
                           "Bei technischen Fragen wenden Sie sich bitte an "
                           "meinen Kollegen Herrn Jan Vogel, 0171 2345678.\n"
                           "Mit freundlichen Grüßen\nPetra Schulz\n"
                           "Mobil 0160 9876543\np.schulz@brauerei-beispiel.de", OWN)
    assert parsed.phone == "+491609876543"


def test_a_secretariat_in_brackets_behind_a_title_is_someone_else() -> None:
    parsed = parse_inquiry("Buongiorno,\nsono il prof. Marco Gallo dell'Università di Esempio. Per gli ordini potete "
                           "scrivere all'ufficio acquisti (dott.ssa Elena Riva, acquisti.dip@uniesempio.it).\n"
                           "Cordiali saluti\nMarco Gallo\nmarco.gallo@uniesempio.it", OWN)
    assert parsed.email == "marco.gallo@uniesempio.it"


def test_plural_cargo_agents_are_forwarders() -> None:
    parsed = parse_inquiry("Prezados, favor cotar FOB; o frete será feito pelos nossos agentes de cargas:\n"
                           "  RapidFrete Ltda – Sr. Mário – mario@rapidfrete.com.br – (11) 3256-0000\nAtt\nJoão\n"
                           "(19) 99876-5432\njoao@usina-exemplo.com.br", OWN)
    assert parsed.email == "joao@usina-exemplo.com.br"


def test_a_second_contact_label_names_someone_else() -> None:
    parsed = parse_inquiry("Dear Sirs,\nPlease quote 4 magnetic stirrers with heating.\n"
                           "Second contact: Mr. Ravi Menon, +91 98450 11223, ravi@example-pharma.in\n"
                           "Regards,\nAnita Desai\n+91 99860 44556\n"
                           "anita.desai@example-pharma.in", OWN)
    assert (parsed.phone, parsed.email) == ("+919986044556", "anita.desai@example-pharma.in")


def test_a_technical_contact_block_under_its_label_is_someone_else() -> None:
    parsed = parse_inquiry("Hola,\nCotización de 2 turbidímetros.\nContacto técnico:\nIng. Pablo Vera, "
                           "pvera@aguas-ejemplo.cl, +56 9 8123 4567\nSaludos\nCamila Soto\n+56 9 7654 3210\n"
                           "csoto@aguas-ejemplo.cl", OWN)
    assert (parsed.phone, parsed.email) == ("+56976543210", "csoto@aguas-ejemplo.cl")


def test_the_writer_introducing_themselves_with_a_title_keeps_their_number() -> None:
    parsed = parse_inquiry("Dear Sir,\nI am Dr. Samuel Okoro, head of the microbiology lab at Enugu State University, "
                           "my mobile is 0803 456 7890. We need two autoclaves.\nTel office 042 123456", OWN)
    assert parsed.phone == "+2348034567890"


def test_greeting_our_salesperson_by_title_is_no_pointer() -> None:
    parsed = parse_inquiry("Hello Mr Wang, we need 3 pH meters for our water lab, call +233 24 555 6677 any time.\n"
                           "Kwame\nTel +233 30 222 1234", OWN)
    assert parsed.phone == "+233245556677"


def test_a_titled_signature_line_and_a_contact_person_field_are_the_writer_s() -> None:
    signature = parse_inquiry("Please quote 2 balances.\nDr. Ahmed Farouk, Head of Quality Control Laboratory, Nile "
                              "Pharma, Tel +20 2 2345 6789, Mob +20 100 123 4567", OWN)
    form = parse_inquiry("Company: Tan Brothers Pte Ltd\nContact person: Mr. Tan Wei Ming, Purchasing Manager, "
                         "Tel +65 9123 4567\nProduct: viscometer\nOffice +65 6123 4567", OWN)
    assert (signature.phone, form.phone) == ("+201001234567", "+6591234567")


def test_the_only_number_is_taken_even_when_it_is_a_colleague_s() -> None:
    parsed = parse_inquiry("Good day, please send a quote for 2 ovens to our lab in Accra. For details call my "
                           "colleague Ama Owusu on +233 24 987 6543.", OWN)
    assert parsed.phone == "+233249876543"


def test_a_cc_line_is_someone_else_s_address() -> None:
    parsed = parse_inquiry("Hi,\nPlease quote 10 digital thermometers.\nCC: tom.reed@foodlab-example.co.uk\nThanks\n"
                           "Lucy Grant\nlucy.grant@foodlab-example.co.uk", OWN)
    assert parsed.email == "lucy.grant@foodlab-example.co.uk"


def test_a_verb_then_a_role_then_a_name_points_to_someone_else() -> None:
    parsed = parse_inquiry("Здравствуйте!\nПросим выставить счёт на 2 термостата. По техническим вопросам можно "
                           "связаться с нашим инженером Петровым Игорем, тел. +7 916 123-45-67.\nС уважением,\n"
                           "Ольга Смирнова\nмоб. +7 903 765-43-21\nsmirnova@zavod-primer.ru", OWN)
    assert parsed.phone == "+79037654321"


def test_a_turkish_title_after_the_name_points_to_someone_else() -> None:
    parsed = parse_inquiry("Merhaba,\n2 adet etüv için fiyat teklifi rica ediyoruz. Teknik konular için Ahmet Bey ile "
                           "görüşebilirsiniz: 0532 111 22 33.\nSaygılarımızla\nElif Yılmaz\n0533 444 55 66\n"
                           "elif@ornek-lab.com.tr", OWN)
    assert parsed.phone == "+905334445566"


def test_a_chinese_sentence_counts_as_prose_and_names_a_colleague() -> None:
    parsed = parse_inquiry("您好，我们需要两台恒温培养箱。技术问题请联系我们的同事刘工，电话 138 1111 2222。\n"
                           "采购 王明\n"
                           "手机 139 3333 4444\nwangming@example-lab.com.my", OWN)
    assert parsed.phone == "+8613933334444"


def test_a_secretary_writing_for_the_buyer_gives_the_buyer_s_contacts() -> None:
    parsed = parse_inquiry("Dear Sirs,\nI am writing on behalf of Dr. Klaus Weber, head of the analytical lab at "
                           "Chemiewerk Beispiel GmbH. He would like an offer for 2 column ovens. Please send it to him "
                           "directly at k.weber@chemiewerk-beispiel.de, his mobile is 0171 5551234.\nKind regards\n"
                           "Sabine Koch\nAssistant to Dr. Weber\nTel. 0341 555 0101\n"
                           "sekretariat.analytik@chemiewerk-beispiel.de", OWN)
    assert (parsed.phone, parsed.email) == ("+491715551234", "k.weber@chemiewerk-beispiel.de")


def test_contact_me_is_the_writer() -> None:
    parsed = parse_inquiry("Good day, we run a dairy in Nakuru and need 2 milk analysers, please contact me Peter "
                           "Kamau on 0722 345 678.\nOffice 051 221 0000", OWN)
    assert parsed.phone == "+254722345678"


def test_a_town_after_a_name_with_its_legal_form_in_front_is_no_part_of_it() -> None:
    parsed = parse_inquiry("Pagi pak, saya Rudi dari PT Sumber Makmur Abadi Bandung, mau tanya harga oven.\n"
                           "no saya 0812 6645 3901", OWN)
    assert parsed.company == "PT Sumber Makmur Abadi"


def test_a_short_prefixed_name_keeps_its_town() -> None:
    parsed = parse_inquiry("Pagi pak, saya Rudi dari PT Kimia Bandung, mau tanya harga oven.\nno saya 0812 6645 3901",
                           OWN)
    assert parsed.company == "PT Kimia Bandung"


def test_an_arabic_town_glued_to_in_after_the_name_is_cut() -> None:
    parsed = parse_inquiry("السلام عليكم، معك المحاسب سامي من شركة النور للمنظفات الصناعية بدمنهور. نريد عرض سعر "
                           "لجهاز قياس اللزوجة.\n+20 100 555 7788", OWN)
    assert parsed.company == "شركة النور للمنظفات الصناعية"


def test_the_writer_s_lead_in_before_a_quoted_company_goes() -> None:
    parsed = parse_inquiry("Hi! I am Nurlan, I have small company \"Steppe Lab Trade\" in Almaty. Need price for "
                           "5 vortex mixers. Whatsapp +7 701 234 5678", OWN)
    assert parsed.company == "Steppe Lab Trade"


def test_an_elided_article_does_not_cut_the_company_word_after_it() -> None:
    parsed = parse_inquiry("Buongiorno, sono Marco Bruno dell'Acetificio Bruno S.r.l. di Modena, ci serve un "
                           "rifrattometro. Cell. 333 123 4567", OWN)
    assert parsed.company == "Acetificio Bruno S.r.l."


def test_a_bracket_after_a_vietnamese_name_holds_its_place() -> None:
    parsed = parse_inquiry("Tôi là Lê Văn Hùng, Công ty TNHH Thực phẩm Sao Mai (KCN Sóng Thần, Bình Dương). "
                           "Cần báo giá máy đo độ ẩm.\nSĐT: 0912 345 678", OWN)
    assert parsed.company == "Công ty TNHH Thực phẩm Sao Mai"


def test_moroccan_sarl_au_is_a_legal_form_but_sarl_au_capital_is_not() -> None:
    au = parse_inquiry("Bonjour, je suis Karim Benali, gérant de Labo Souss SARL AU à Agadir. Devis pour 2 étuves "
                       "svp. Tel +212 661 234 567", OWN)
    capital = parse_inquiry("Bonjour, je suis Karim Benali de Labo Souss SARL au capital de 100 000 MAD, merci de "
                            "nous envoyer un devis pour 2 étuves. Tel +212 661 234 567", OWN)
    assert (au.company, capital.company) == ("Labo Souss SARL AU", "Labo Souss SARL")


def test_a_home_country_number_beside_our_colleague_s_name_is_ours() -> None:
    parsed = parse_inquiry("李娜 转来的客户（她的电话 +86 139 1234 5678）：\n"
                           "Hello, we need 2 ovens for our lab in Cairo.\n"
                           "Ahmed Salem\nahmed@example-lab.eg", OWN)
    assert parsed.phone is None


def test_a_customer_s_home_country_number_on_our_colleague_s_line_stays() -> None:
    parsed = parse_inquiry("李娜 转来的询盘，客户电话 +86 138 2222 3333，上海的客户，要两台烘箱", OWN)
    assert parsed.phone == "+8613822223333"


def test_whom_a_secretary_writes_for_is_the_buyer_in_the_same_sentence() -> None:
    parsed = parse_inquiry("Dear Sirs,\nI write on behalf of Dr. Klaus Weber, head of our analytical lab, his mobile "
                           "0171 5551234, who needs an offer for 2 column ovens.\nKind regards\nSabine Koch\n"
                           "Tel. 0341 555 0101\nsekretariat@chemiewerk-beispiel.de", OWN)
    assert parsed.phone == "+491715551234"


def test_the_signer_s_role_on_their_own_line_is_no_pointer() -> None:
    parsed = parse_inquiry("Please quote 3 hot plates for our school labs.\nMaria Lopez, Purchasing Assistant, Colegio "
                           "Ejemplo, mobile +52 55 1234 5678\nOffice +52 55 8765 4321", OWN)
    assert parsed.phone == "+525512345678"


def test_a_referring_distributor_s_number_in_prose_is_not_the_customer_s() -> None:
    parsed = parse_inquiry("Hello, we were sent to you by your distributor in Nairobi, Maabara Supplies Ltd, "
                           "+254 722 000 111, and need 2 incubators.\nRegards\nJoseph Otieno\n+254 733 999 888", OWN)
    assert parsed.phone == "+254733999888"


def test_a_job_title_line_in_the_signature_is_not_the_company() -> None:
    parsed = parse_inquiry("Bom dia,\nPrecisamos de um medidor de umidade de grãos.\nAtt.,\nLúcia Ferreira\n"
                           "Analista de Laboratório\nCooperativa Agrícola Serra Verde\n(54) 99911-2233\n"
                           "lucia@serraverde-coop.com.br", OWN)
    assert parsed.company == "Cooperativa Agrícola Serra Verde"


def test_a_greeting_before_the_writer_s_own_title_is_no_pointer() -> None:
    parsed = parse_inquiry("Good morning, Eng. Mohamed Adel from Nile Water Labs, WhatsApp 010 1234 5678, we need "
                           "turbidity meters.\nOffice: 02 2345 6789\nCairo, Egypt", OWN)
    assert parsed.phone == "+201012345678"


def test_a_chinese_full_stop_ends_the_greeting_s_sentence() -> None:
    parsed = parse_inquiry("您好，我们需要两台恒温培养箱。技术问题请联系同事刘工，电话 138 1111 2222。\n采购 王明\n"
                           "手机 139 3333 4444", OWN)
    assert parsed.phone == "+8613933334444"


def test_titles_and_degrees_opening_a_signature_line_are_the_signer_s() -> None:
    titled = parse_inquiry("Please quote 2 ovens.\nProf. Dr. Ahmet Yılmaz, Head of Food Engineering Department, Ege "
                           "University, Tel +90 232 311 1111, GSM +90 532 111 2233\nFax +90 232 311 2222", OWN)
    degree = parse_inquiry("Please quote 2 ovens.\nAhmed Ali, M. Sc. Chemistry, Lab Manager at Delta Labs, GSM +20 100 "
                           "123 4567\nOffice +20 2 2345 6789", OWN)
    assert (titled.phone, degree.phone) == ("+905321112233", "+201001234567")


def test_a_unit_glued_to_a_number_is_no_legal_form_ending_the_company() -> None:
    parsed = parse_inquiry("hello, am juma from Pemba Fruit Packers Ltd. we need a digital scale 30kg. and a "
                           "refractometer. my no +255 777 123 456", OWN)
    assert parsed.company == "Pemba Fruit Packers Ltd"


def test_an_entity_label_names_the_company_and_a_country_after_a_dash_goes() -> None:
    parsed = parse_inquiry("طلب عرض سعر\nالاسم: خالد الرشيدي\nالجهة: وزارة الكهرباء والماء – دولة الكويت\n"
                           "الهاتف: +965 9988 7766", OWN)
    assert parsed.company == "وزارة الكهرباء والماء"


def test_an_organisation_after_a_comma_is_not_a_place_tail() -> None:
    parsed = parse_inquiry("Organisation: Department of Physics, University of Nairobi\nName: Jane Atieno\n"
                           "Phone: +254 722 000 999", OWN)
    assert parsed.company is not None and parsed.company.endswith("University of Nairobi")


def test_a_polytechnic_in_a_headline_is_an_organisation() -> None:
    parsed = parse_inquiry("Wiadomość LinkedIn\nmgr inż. Tomasz Wójcik · asystent, Politechnika Łódzka\nDzień dobry, "
                           "proszę o cenę wiskozymetru. Kontakt: tel. 601 234 567.", OWN)
    assert parsed.company == "Politechnika Łódzka"
