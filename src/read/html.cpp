#include "read/html.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cctype>
#include <cstring>

namespace ogi::detail {
namespace {

bool is(const xmlNode* n, const char* name) {
    return n && n->type == XML_ELEMENT_NODE && xmlStrcasecmp(n->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

bool is_block(const xmlNode* n) {
    static const char* blocks[] = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "table", "section",
                                   "article", "header", "footer", "blockquote", "pre", "ul", "ol", "dl", "dt", "dd",
                                   "center", "form", "body", "title"};
    for (const char* b : blocks)
        if (is(n, b)) return true;
    return false;
}

bool skipped(const xmlNode* n) { return is(n, "script") || is(n, "style") || is(n, "noscript") || is(n, "head"); }

/// Collapses white space (including &nbsp;) to single spaces and trims.
std::string clean(const std::string& s) {
    std::string out;
    bool space = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        bool ws = std::isspace(c) != 0;
        if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {  // U+00A0
            ws = true;
            ++i;
        } else if (c == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
                   static_cast<unsigned char>(s[i + 2]) == 0x80) {  // U+3000
            ws = true;
            i += 2;
        }
        if (ws) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += static_cast<char>(c);
    }
    return out;
}

void text_of(const xmlNode* n, std::string& out) {
    for (const xmlNode* c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content) out += reinterpret_cast<const char*>(c->content);
        } else if (is(c, "br")) {
            out += ' ';
        } else if (c->type == XML_ELEMENT_NODE && !skipped(c)) {
            if (is_block(c)) out += ' ';
            text_of(c, out);
            if (is_block(c)) out += ' ';
        }
    }
}

bool contains_table(const xmlNode* n) {
    for (const xmlNode* c = n->children; c; c = c->next) {
        if (is(c, "table")) return true;
        if (c->type == XML_ELEMENT_NODE && contains_table(c)) return true;
    }
    return false;
}

struct Walker {
    std::vector<RawLine> lines;
    std::string pending;
    std::size_t pending_line = 0;
    std::size_t tables = 0;

    void flush() {
        std::string t = clean(pending);
        if (!t.empty()) {
            RawLine l;
            l.cells.push_back(RawCell{std::move(t), pending_line, 1});
            lines.push_back(std::move(l));
        }
        pending.clear();
        pending_line = 0;
    }

    void row(const xmlNode* tr) {
        bool nested = false;
        for (const xmlNode* c = tr->children; c; c = c->next)
            if ((is(c, "td") || is(c, "th")) && contains_table(c)) nested = true;
        if (nested) {  // a layout table around the data: read its cells as page flow
            flow(tr);
            return;
        }
        flush();
        RawLine l;
        l.explicit_cells = true;
        for (const xmlNode* c = tr->children; c; c = c->next) {
            if (!is(c, "td") && !is(c, "th")) continue;
            std::string t;
            text_of(c, t);
            l.cells.push_back(RawCell{clean(t), static_cast<std::size_t>(xmlGetLineNo(c)), 1});
        }
        if (!l.cells.empty()) lines.push_back(std::move(l));
    }

    void table(const xmlNode* t) {
        ++tables;
        for (const xmlNode* c = t->children; c; c = c->next) {
            if (is(c, "tr")) {
                row(c);
            } else if (is(c, "thead") || is(c, "tbody") || is(c, "tfoot")) {
                for (const xmlNode* r = c->children; r; r = r->next)
                    if (is(r, "tr")) row(r);
            } else if (is(c, "caption")) {
                flow(c);
            }
        }
    }

    void flow(const xmlNode* n) {
        for (const xmlNode* c = n->children; c; c = c->next) {
            if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
                if (c->content) {
                    if (pending_line == 0) pending_line = static_cast<std::size_t>(xmlGetLineNo(c));
                    pending += reinterpret_cast<const char*>(c->content);
                }
            } else if (c->type != XML_ELEMENT_NODE || skipped(c)) {
                continue;
            } else if (is(c, "br")) {
                flush();
            } else if (is(c, "table")) {
                flush();
                table(c);
            } else if (is_block(c)) {
                flush();
                flow(c);
                flush();
            } else {
                flow(c);
            }
        }
    }
};

}  // namespace

bool looks_like_html(std::string_view text) {
    const std::size_t probe = std::min<std::size_t>(text.size(), 4096);
    std::string head(text.substr(0, probe));
    for (char& c : head)  // ASCII only: std::tolower asks the locale for every byte
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return head.find("<html") != std::string::npos || head.find("<!doctype html") != std::string::npos ||
           head.find("<table") != std::string::npos || head.find("<body") != std::string::npos ||
           (head.find("<p") != std::string::npos && head.find("</p>") != std::string::npos) ||
           text.find("<table") != std::string_view::npos || text.find("<TABLE") != std::string_view::npos;
}

std::vector<RawLine> html_lines(std::string_view utf8, std::size_t& tables_found) {
    htmlDocPtr doc = htmlReadMemory(utf8.data(), static_cast<int>(std::min<std::size_t>(utf8.size(), INT32_MAX)), nullptr,
                                    "UTF-8",
                                    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    Walker w;
    if (doc) {
        if (xmlNode* root = xmlDocGetRootElement(doc)) {
            // <title> is in <head>, which the walk skips; the report's title usually repeats in the body.
            w.flow(root);
            w.flush();
        }
        xmlFreeDoc(doc);
    }
    tables_found = w.tables;
    return std::move(w.lines);
}

}  // namespace ogi::detail
