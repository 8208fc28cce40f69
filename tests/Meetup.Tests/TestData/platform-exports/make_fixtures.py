#!/usr/bin/env python3
"""Writes the platform export fixtures of this folder (run it here; the files are committed).

Each file has the column layout its platform's export uses (see README.md); the people and times are
made up so that the retention report can be counted by hand.
"""
import zipfile
from xml.sax.saxutils import escape

CONNPASS_HEADER = "参加枠名,ユーザー名,表示名,利用開始日,連絡先メールアドレス（任意）,参加ステータス,出欠ステータス,出席日時,更新日時,受付番号"

CONNPASS_1 = [
    "一般枠,takahashi_k,髙橋 健,2019/04/01,takahashi@example.jp,参加,出席,2025/01/22 19:18,2025/01/22 19:18,101",
    "一般枠,yamazaki,山﨑 舞,2020/06/15,,参加,出席,2025/01/22 19:25,2025/01/22 19:25,102",
    "一般枠,sato_h,佐藤 花子,2018/01/10,,参加,出席,2025/01/22 19:41,2025/01/22 19:41,103",
    "一般枠,(退会ユーザー),(退会ユーザー),,,参加,出席,2025/01/22 19:33,2025/01/22 19:33,104",
    "一般枠,(退会ユーザー),(退会ユーザー),,,参加,,,2025/01/20 09:00,105",
    "一般枠,suzuki,鈴木 一郎,2021/02/02,,補欠,,,2025/01/21 12:00,106",
    "LT枠,ken_w,渡辺 健,2017/11/11,,キャンセル,,,2025/01/15 08:00,107",
]

CONNPASS_2 = [
    "一般枠,TAKAHASHI_K,髙橋 健,2019/04/01,takahashi@example.jp,参加,出席,2025/02/26 19:20,2025/02/26 19:20,201",
    "一般枠,yamazaki,山﨑 舞,2020/06/15,yamazaki@example.jp,参加,出席,2025/02/26 19:28,2025/02/26 19:28,202",
    "一般枠,(退会ユーザー),(退会ユーザー),,,参加,出席,2025/02/26 19:35,2025/02/26 19:35,203",
    "一般枠,suzuki,鈴木 一郎,2021/02/02,,参加,出席,2025/02/26 19:40,2025/02/26 19:40,204",
    "一般枠,sato_h,佐藤 花子,2018/01/10,,キャンセル,,,2025/02/20 10:00,205",
]

LUMA = """api_id,name,first_name,last_name,email,phone_number,created_at,approval_status,checked_in_at,custom_source,qr_code_url,amount,amount_tax,currency,coupon_code,eth_address,solana_address,survey_response_rating,survey_response_feedback,ticket_type_id,ticket_name
gst-k1T4k4h4sh1,Ken Takahashi,Ken,Takahashi,takahashi@example.jp,,2025-03-01T10:00:00.000Z,approved,2025-03-26T10:25:00.000Z,,https://lu.ma/check-in/evt-g0meetup?pk=g-k1,0,0,,,,,,,evtticktyp-free,Standard
gst-a1ic3,Alice Smith,Alice,Smith,alice@example.com,,2025-03-02T11:00:00.000Z,approved,2025-03-26T10:31:00.000Z,,https://lu.ma/check-in/evt-g0meetup?pk=g-a1,0,0,,,,,,,evtticktyp-free,Standard
gst-b0b,Bob Lee,Bob,Lee,bob@example.com,,2025-03-03T12:00:00.000Z,approved,,,https://lu.ma/check-in/evt-g0meetup?pk=g-b0,0,0,,,,,,,evtticktyp-free,Standard
gst-c4r01,Carol Jones,Carol,Jones,carol@example.com,,2025-03-20T09:00:00.000Z,waitlist,,,https://lu.ma/check-in/evt-g0meetup?pk=g-c4,0,0,,,,,,,evtticktyp-free,Standard
gst-d4n,Dan Brown,Dan,Brown,dan@example.com,,2025-03-21T09:00:00.000Z,declined,,,https://lu.ma/check-in/evt-g0meetup?pk=g-d4,0,0,,,,,,,evtticktyp-free,Standard
gst-m4i,Mai Yamazaki,Mai,Yamazaki,yamazaki@example.jp,,2025-03-05T08:00:00.000Z,approved,2025-03-26T10:40:00.000Z,,https://lu.ma/check-in/evt-g0meetup?pk=g-m4,0,0,,,,,,,evtticktyp-free,Standard
"""

MEETUP = """Name,User ID,Title,Event Host,RSVP,Guests,RSVPed on,Joined Group on,URL of Member Profile,Attendance
Erin Park,user 111111111,Organizer,Yes,Yes,0,2025/04/01 10:00 AM,2019/05/05,https://www.meetup.com/go-study/members/111111111/,Attended
Frank Ito,user 222222222,,No,Yes,1,2025/04/02 09:15 PM,2021/08/01,https://www.meetup.com/go-study/members/222222222/,Attended
Gina Mori,user 333333333,,No,Waitlist,0,2025/04/20 08:00 AM,2024/12/24,https://www.meetup.com/go-study/members/333333333/,
Hiro Sato,user 444444444,,No,No,0,2025/04/03 07:30 PM,2023/03/03,https://www.meetup.com/go-study/members/444444444/,
Ivan Kim,user 555555555,Assistant Organizer,No,Yes,0,2025/04/04 06:00 PM,2022/02/02,https://www.meetup.com/go-study/members/555555555/,No show
"""

DOORKEEPER = [
    ["チケット", "名前", "メールアドレス", "ステータス", "申込日時", "チェックイン日時"],
    ["一般", "髙橋 健", "takahashi@example.jp", "参加", "2025-05-01 12:00", "2025-05-28 19:22"],
    ["一般", "Alice Smith", "alice@example.com", "参加", "2025-05-02 13:00", "2025-05-28 19:35"],
    ["一般", "Jun Abe", "jun@example.jp", "参加", "2025-05-03 14:00", ""],
    ["一般", "Kaz Ono", "kaz@example.jp", "キャンセル", "2025-05-04 15:00", ""],
]


def connpass(rows, nec_selected):
    """CP932 (Windows-31J), CRLF. 髙 and 﨑 have two codes each that Windows reads: the IBM extension
    (0xFBFC, 0xFAB1), which Windows and Excel write, and the NEC-selected one (0xEEE0, 0xED95), which
    Python's cp932 codec and EUC-JP/ISO-2022-JP round trips write. nec_selected picks the latter."""
    data = ("\r\n".join([CONNPASS_HEADER] + rows) + "\r\n").encode("cp932")  # Python: NEC-selected
    if not nec_selected:
        data = data.replace(b"\xee\xe0", b"\xfb\xfc").replace(b"\xed\x95", b"\xfa\xb1")
    assert data.decode("cp932") == "\r\n".join([CONNPASS_HEADER] + rows) + "\r\n"
    return data


def column(i):
    return chr(ord("A") + i)


def workbook(sheet_name, rows):
    strings = []
    index = {}
    def sst(text):
        if text not in index:
            index[text] = len(strings)
            strings.append(text)
        return index[text]
    sheet_rows = []
    for r, row in enumerate(rows, start=1):
        cells = "".join(
            f'<c r="{column(c)}{r}" t="s"><v>{sst(value)}</v></c>' for c, value in enumerate(row) if value != "")
        sheet_rows.append(f'<row r="{r}">{cells}</row>')
    last = f"{column(len(rows[0]) - 1)}{len(rows)}"
    files = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            '</Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            f'<sheets><sheet name="{escape(sheet_name)}" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
            '</Relationships>',
        "xl/worksheets/sheet1.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f'<dimension ref="A1:{last}"/><sheetData>{"".join(sheet_rows)}</sheetData></worksheet>',
        "xl/sharedStrings.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(strings)}" uniqueCount="{len(strings)}">'
            + "".join(f"<si><t>{escape(s)}</t></si>" for s in strings) + "</sst>",
    }
    with zipfile.ZipFile("doorkeeper-participants.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            info = zipfile.ZipInfo(name, date_time=(2025, 5, 29, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))


if __name__ == "__main__":
    open("connpass-event-1.csv", "wb").write(connpass(CONNPASS_1, nec_selected=False))
    open("connpass-event-2.csv", "wb").write(connpass(CONNPASS_2, nec_selected=True))
    open("luma-guests.csv", "wb").write(LUMA.encode("utf-8"))
    open("meetup-attendees.csv", "wb").write(MEETUP.encode("utf-8"))
    workbook("参加者", DOORKEEPER)
