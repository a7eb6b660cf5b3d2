// Test helper: a report as a Word document, the way an agency's office writes one. The tables
// are the official form's, taken from `ogi render --to html` (the library's render()): every
// colspan becomes a w:gridSpan and every rowspan a w:vMerge (restart, then a continuation cell
// in each row below at its grid column); headings and paragraphs become w:p. Text is cut into
// several runs (w:r) as Word does after edits, and the document has a page header part, which
// is not the body.
#pragma once

#include "zip_writer.hpp"

#include <ogi/ogi.hpp>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <cstring>
#include <random>
#include <string>
#include <vector>

namespace test {

inline std::string xml_escape(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else if (c == '&') out += "&amp;";
        else if (c == '"') out += "&quot;";
        else out += c;
    }
    return out;
}

/// A paragraph whose text is cut into runs at a few places (never inside a UTF-8 character).
inline std::string paragraph_xml(const std::string& text, std::mt19937& rng) {
    std::string out = "<w:p><w:pPr><w:jc w:val=\"left\"/></w:pPr>";
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t n = 1 + std::uniform_int_distribution<std::size_t>(0, 20)(rng);
        std::size_t j = std::min(text.size(), i + n);
        while (j < text.size() && (static_cast<unsigned char>(text[j]) & 0xC0) == 0x80) ++j;
        const std::string part = text.substr(i, j - i);
        out += "<w:r><w:rPr><w:rFonts w:hint=\"eastAsia\"/></w:rPr><w:t xml:space=\"preserve\">" + xml_escape(part) + "</w:t></w:r>";
        i = j;
    }
    return out + "</w:p>";
}

namespace detail_docx {

inline bool is(const xmlNode* n, const char* name) {
    return n && n->type == XML_ELEMENT_NODE && std::strcmp(reinterpret_cast<const char*>(n->name), name) == 0;
}

inline std::string text_of(const xmlNode* n) {
    std::string s;
    for (const xmlNode* c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content) s += reinterpret_cast<const char*>(c->content);
        else if (c->type == XML_ELEMENT_NODE) s += text_of(c);
    }
    // trim
    const auto a = s.find_first_not_of(" \n\t"), b = s.find_last_not_of(" \n\t");
    return a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
}

inline unsigned span_attr(const xmlNode* n, const char* name) {
    xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
    if (!v) return 1;
    const unsigned k = static_cast<unsigned>(std::atoi(reinterpret_cast<const char*>(v)));
    xmlFree(v);
    return k >= 1 ? k : 1;
}

/// An HTML table as a w:tbl: the grid worked out from colspans and rowspans.
inline std::string table_xml(const xmlNode* table, std::mt19937& rng) {
    struct Cell {
        std::string text;
        unsigned col, span, rows;
    };
    std::vector<std::vector<Cell>> rows;
    std::vector<unsigned> left;  // per grid column: rows a rowspan above still covers
    unsigned width = 0;
    std::vector<std::vector<std::pair<unsigned, unsigned>>> continued;  // per row: (col, span) continuation cells
    for (const xmlNode* tr = table->children; tr; tr = tr->next) {
        if (!is(tr, "tr")) continue;
        std::vector<Cell> row;
        std::vector<std::pair<unsigned, unsigned>> cont;
        unsigned col = 0;
        for (const xmlNode* td = tr->children; td; td = td->next) {
            if (!is(td, "td") && !is(td, "th")) continue;
            while (col < left.size() && left[col] > 0) ++col;
            Cell c{text_of(td), col, span_attr(td, "colspan"), span_attr(td, "rowspan")};
            if (left.size() < col + c.span) left.resize(col + c.span, 0);
            for (unsigned k = col; k < col + c.span; ++k) left[k] = c.rows;
            col += c.span;
            width = std::max(width, col);
            row.push_back(std::move(c));
        }
        rows.push_back(std::move(row));
        for (auto& n : left)
            if (n > 0) --n;
    }
    // Continuation cells: for each cell with rows > 1, one in each row below at its column.
    continued.resize(rows.size());
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (const Cell& c : rows[r])
            for (unsigned k = 1; k < c.rows && r + k < rows.size(); ++k) continued[r + k].emplace_back(c.col, c.span);
    std::string out = "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid>";
    for (unsigned k = 0; k < width; ++k) out += "<w:gridCol w:w=\"900\"/>";
    out += "</w:tblGrid>";
    for (std::size_t r = 0; r < rows.size(); ++r) {
        out += "<w:tr><w:trPr><w:jc w:val=\"center\"/></w:trPr>";
        // the row's cells and continuation cells in grid order
        std::vector<std::pair<unsigned, std::string>> cells;
        for (const Cell& c : rows[r]) {
            std::string tc = "<w:tc><w:tcPr><w:tcW w:w=\"900\" w:type=\"dxa\"/>";
            if (c.span > 1) tc += "<w:gridSpan w:val=\"" + std::to_string(c.span) + "\"/>";
            if (c.rows > 1) tc += "<w:vMerge w:val=\"restart\"/>";
            tc += "<w:vAlign w:val=\"center\"/></w:tcPr>";
            tc += c.text.empty() ? std::string("<w:p/>") : paragraph_xml(c.text, rng);
            cells.emplace_back(c.col, tc + "</w:tc>");
        }
        for (const auto& [col, span] : continued[r]) {
            std::string tc = "<w:tc><w:tcPr>";
            if (span > 1) tc += "<w:gridSpan w:val=\"" + std::to_string(span) + "\"/>";
            tc += "<w:vMerge/></w:tcPr><w:p/></w:tc>";
            cells.emplace_back(col, tc);
        }
        std::sort(cells.begin(), cells.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        for (const auto& [col, tc] : cells) out += tc;
        out += "</w:tr>";
    }
    return out + "</w:tbl>";
}

inline void body_xml(const xmlNode* n, std::string& out, std::mt19937& rng) {
    for (const xmlNode* c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (is(c, "table")) {
            out += table_xml(c, rng);
        } else if (is(c, "h1") || is(c, "h2") || is(c, "p")) {
            const std::string t = text_of(c);
            if (!t.empty()) out += paragraph_xml(t, rng);
        } else if (is(c, "style") || is(c, "script") || is(c, "head") || is(c, "title")) {
            continue;
        } else {
            body_xml(c, out, rng);
        }
    }
}

}  // namespace detail_docx

/// The report as a DOCX: the rendered page's headings, paragraphs and tables.
inline std::string report_docx(const ogi::Report& report, std::mt19937& rng) {
    const std::string html = ogi::render(report, ogi::RenderFormat::html);
    htmlDocPtr doc = htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
                                    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    std::string body;
    if (doc) {
        if (const xmlNode* root = xmlDocGetRootElement(doc)) detail_docx::body_xml(root, body, rng);
        xmlFreeDoc(doc);
    }
    // the "meta" line of the page (which edition's layout) is not part of a real report
    body += "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId9\" "
            "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"/><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr>";
    const std::string document =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" + body +
        "</w:body></w:document>";
    return zip_archive({{"[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"},
                        {"_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"/>"},
                        {"word/document.xml", document},
                        {"word/header1.xml",
                         "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:hdr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                         "<w:p><w:r><w:t>一、本年新收政府信息公开申请数量 999</w:t></w:r></w:p></w:hdr>"}});
}

}  // namespace test
