/// Python scripts that read an export with a real parser and print what a reader would see, as
/// JSON. Kept apart from the tests so each test reads as what it checks.
enum ExportParserScripts {
    /// markdown-it-py with GFM tables: every table as rows of cell texts (a `<br>` is a line
    /// break), headings, paragraphs and list items, in order.
    static let markdown = #"""
    import json, sys
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable("table")
    tokens = md.parse(open(sys.argv[1], encoding="utf-8").read())

    def text(inline):
        out = []
        for t in inline.children or []:
            if t.type in ("text", "code_inline"):
                out.append(t.content)
            elif t.type == "softbreak":
                out.append(" ")
            elif t.type == "hardbreak":
                out.append("\n")
            elif t.type == "html_inline":
                if t.content.lower() in ("<br>", "<br/>", "<br />"):
                    out.append("\n")
                else:
                    out.append(t.content)
        return "".join(out)

    result = {"tables": [], "headings": [], "paragraphs": [], "items": [], "html": []}
    table = row = None
    in_item = 0
    for i, t in enumerate(tokens):
        if t.type == "table_open":
            table = []
        elif t.type == "table_close":
            result["tables"].append(table)
            table = None
        elif t.type == "tr_open":
            row = []
        elif t.type == "tr_close":
            table.append(row)
        elif t.type in ("th_open", "td_open"):
            row.append(text(tokens[i + 1]) if tokens[i + 1].type == "inline" else "")
        elif t.type == "heading_open":
            result["headings"].append([int(t.tag[1]), text(tokens[i + 1])])
        elif t.type == "list_item_open":
            in_item += 1
        elif t.type == "list_item_close":
            in_item -= 1
        elif t.type == "paragraph_open":
            key = "items" if in_item else "paragraphs"
            result[key].append(text(tokens[i + 1]))
        elif t.type in ("html_block",):
            result["html"].append(t.content)
    print(json.dumps(result))
    """#

    /// html5lib, strict about parse errors: the framework table's header and rows (a `<br>` is
    /// a line break), every element name used, and any scripting or external resource.
    static let html = #"""
    import json, sys
    import html5lib

    parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree"), namespaceHTMLElements=False)
    doc = parser.parse(open(sys.argv[1], "rb").read())

    def text(el):
        out = [el.text or ""]
        for child in el:
            out.append("\n" if child.tag == "br" else text(child))
            out.append(child.tail or "")
        return "".join(out)

    def table(el):
        head = [text(c) for c in el.find("thead").find("tr")]
        heads = [[c.tag for c in el.find("thead").find("tr")]]
        rows = []
        for tr in el.find("tbody").findall("tr"):
            rows.append([c.tag + ":" + text(c) for c in tr])
        return {"header": head, "headerTags": heads[0], "rows": rows}

    tables = {t.get("class"): table(t) for t in doc.iter("table")}
    tags = sorted({el.tag for el in doc.iter() if isinstance(el.tag, str)})
    active = [el.tag + " " + k for el in doc.iter() if isinstance(el.tag, str)
              for k in el.attrib if k.lower().startswith("on") or k.lower() in ("src", "href")]
    print(json.dumps({
        "errors": [str(e[0]) for e in parser.errors],
        "tables": tables,
        "tags": tags,
        "active": active,
        "title": text(doc.find(".//title")),
        "h3": [text(h) for h in doc.iter("h3")],
        "paragraphs": [text(p) for p in doc.iter("p")],
        "items": [text(li) for li in doc.iter("li")],
    }))
    """#

    /// Python's csv module, as a spreadsheet would read the file (utf-8-sig drops a BOM).
    static let csv = #"""
    import csv, json, sys
    with open(sys.argv[1], newline="", encoding="utf-8-sig") as f:
        print(json.dumps(list(csv.reader(f))))
    """#

    struct Markdown: Decodable {
        var tables: [[[String]]]
        var headings: [[Heading]]
        var paragraphs: [String]
        var items: [String]
        var html: [String]
    }

    /// A heading is [level, text] in the JSON.
    enum Heading: Decodable, Equatable {
        case level(Int), text(String)
        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let n = try? c.decode(Int.self) { self = .level(n) } else { self = .text(try c.decode(String.self)) }
        }
    }

    struct HTML: Decodable {
        struct Table: Decodable {
            var header: [String]
            var headerTags: [String]
            var rows: [[String]]
        }
        var errors: [String]
        var tables: [String: Table]
        var tags: [String]
        var active: [String]
        var title: String
        var h3: [String]
        var paragraphs: [String]
        var items: [String]
    }
}
