// The PDF reader (include/ogi/read/pdf.hpp): poppler's text layer, word by word with the boxes
// of its characters, laid out into a grid by layout.cpp.
#include <ogi/read/pdf.hpp>

#include "read/pdf/layout.hpp"
#include "read/readers.hpp"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <chrono>
#include <climits>
#include <memory>
#include <mutex>
#include <utility>
#include <string>
#include <vector>

namespace ogi {
namespace {

// Limits: a report has a few dozen pages and a few thousand words a page.
constexpr int max_pages = 500;
constexpr std::size_t max_words = 2'000'000;
constexpr double max_seconds = 60;

// poppler reports what it finds wrong in a file through one global function; each thread that
// reads a PDF collects them for its own file.
thread_local std::vector<std::string>* poppler_messages = nullptr;

void collect_poppler_message(const std::string& message, void*) {
    if (poppler_messages && poppler_messages->size() < 20) poppler_messages->push_back(message);
}

Diagnostic error(std::string zh, std::string en) {
    return Diagnostic{"OGI-E-FORMAT", Severity::error, "", std::move(zh), std::move(en), {}, {}, {}, {}, {}};
}

bool is_wide(char32_t c) {
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF01 && c <= 0xFF5E);
}

/// poppler's UTF-16 as UTF-8 (a lone surrogate becomes U+FFFD).
void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

/// The ideograph a radical or compatibility ideograph stands for in a PDF's text: the
/// compatibility decomposition (Kangxi radicals, U+F900 …), or for the supplement's simplified
/// forms, which Unicode does not decompose, the character they are drawn for.
char32_t ideograph_meant(char32_t c) {
    static constexpr std::pair<char32_t, char32_t> supplement[] = {
        {U'⺠', U'民'}, {U'⺼', U'月'}, {U'⻄', U'西'}, {U'⻅', U'见'}, {U'⻆', U'角'}, {U'⻉', U'贝'},
        {U'⻋', U'车'}, {U'⻓', U'长'}, {U'⻔', U'门'}, {U'⻚', U'页'}, {U'⻛', U'风'}, {U'⻜', U'飞'},
        {U'⻢', U'马'}, {U'⻥', U'鱼'}, {U'⻦', U'鸟'}, {U'⻩', U'黄'}, {U'⻬', U'齐'}, {U'⻮', U'齿'},
        {U'⻰', U'龙'}, {U'⻘', U'青'}, {U'⻝', U'食'}, {U'⻣', U'骨'}, {U'⻤', U'鬼'}};
    for (const auto& [radical, meant] : supplement)
        if (c == radical) return meant;
    utf8proc_int32_t mapped[4];
    int last = 0;
    const utf8proc_ssize_t n = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(c), mapped, 4,
                                                       static_cast<utf8proc_option_t>(UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE), &last);
    return n == 1 ? static_cast<char32_t>(mapped[0]) : c;
}

/// The word's text, and its characters as code points (for the boxes, one a character).
std::u32string code_points(const poppler::ustring& u) {
    std::u32string out;
    out.reserve(u.size());
    for (std::size_t i = 0; i < u.size(); ++i) {
        char32_t c = u[i];
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 < u.size() && u[i + 1] >= 0xDC00 && u[i + 1] <= 0xDFFF) {
            c = 0x10000 + ((c - 0xD800) << 10) + (u[i + 1] - 0xDC00);
            ++i;
        } else if (c >= 0xD800 && c <= 0xDFFF) {
            c = 0xFFFD;
        }
        // control characters and NULs some writers map glyphs to say nothing
        if (c < 0x20 || c == 0x7F) continue;
        // Some writers map Chinese glyphs to Kangxi radicals or compatibility ideographs that look
        // the same (⽂ U+2F42 for 文 U+6587): their compatibility form is the character meant.
        if ((c >= 0x2E80 && c <= 0x2FDF) || (c >= 0xF900 && c <= 0xFAFF)) c = ideograph_meant(c);
        out += c;
    }
    return out;
}

read::BinaryRead read_pdf(std::string_view bytes, const ExtractOptions&) {
    read::BinaryRead out;
    std::vector<std::string> messages;
    poppler_messages = &messages;
    struct Reset {
        ~Reset() { poppler_messages = nullptr; }
    } reset;
    const auto started = std::chrono::steady_clock::now();
    auto damaged = [&](std::string_view what_zh, std::string_view what_en) {
        const std::string said = messages.empty() ? std::string() : fmt::format(" (poppler: {})", messages.front());
        out.diagnostics.push_back(error(fmt::format("{}{}", what_zh, said), fmt::format("{}{}", what_en, said)));
        return std::move(out);
    };
    if (bytes.size() > static_cast<std::size_t>(INT_MAX))
        return damaged("PDF文件过大，未读取", "the PDF is too large to read");
    // A file cut short (a download that stopped) has lost its end, where a PDF says where its
    // objects are: poppler would rebuild what it can, and pages would be missing without a word.
    if (bytes.substr(bytes.size() > 65536 ? bytes.size() - 65536 : 0).find("%%EOF") == std::string_view::npos)
        return damaged("PDF文件不完整（末尾缺少%%EOF，可能下载未完成）：未读取；请重新下载完整的文件",
                       "the PDF is cut short (it does not end with %%EOF: a download that stopped?): it was not read; "
                       "get the whole file again");
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!doc) {
        // poppler says a file it cannot decrypt is damaged too; its message tells them apart.
        const bool encrypted = bytes.find("/Encrypt") != std::string_view::npos;
        if (encrypted)
            return damaged("PDF文件已加密且无法解密（可能需要密码）：未读取；请提供未加密的PDF",
                           "the PDF is encrypted and cannot be decrypted (it may need a password): it was not read; "
                           "give an unencrypted copy");
        return damaged("不是可读取的PDF文件（已损坏或不完整）：未读取", "this is not a readable PDF (it is damaged or cut short): it was not read");
    }
    if (doc->is_locked())
        return damaged("PDF文件设有打开密码：未读取；请提供无密码的副本（例如 `qpdf --decrypt --password=密码 输入.pdf 输出.pdf`）",
                       "the PDF is password-protected: it was not read; give a copy without the password (for example "
                       "`qpdf --decrypt --password=PASSWORD in.pdf out.pdf`)");
    if (doc->is_encrypted())
        out.diagnostics.push_back(Diagnostic{"OGI-E-FORMAT", Severity::info, "",
                                             "PDF文件已加密（设有权限限制），但无需密码即可打开：已读取",
                                             "the PDF is encrypted (with restrictions on its use) but opens without a password: it was read",
                                             {}, {}, {}, {}, {}});
    const int pages = doc->pages();
    if (pages <= 0) return damaged("PDF文件没有页面：未读取", "the PDF has no pages: it was not read");
    if (pages > max_pages)
        return damaged(fmt::format("PDF文件有{}页，超过{}页的上限：未读取", pages, max_pages),
                       fmt::format("the PDF has {} pages, over the limit of {}: it was not read", pages, max_pages));

    std::vector<read::pdf::Page> laid;
    laid.reserve(static_cast<std::size_t>(pages));
    std::size_t words = 0;
    std::vector<int> empty_pages;
    for (int p = 0; p < pages; ++p) {
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        if (seconds > max_seconds)
            return damaged(fmt::format("读取PDF超过{}秒的时间上限（已读{}页，共{}页）：未读取", max_seconds, p, pages),
                           fmt::format("reading the PDF took over the time limit of {} s ({} of {} pages read): it was not read",
                                       max_seconds, p, pages));
        read::pdf::Page page;
        std::unique_ptr<poppler::page> pg(doc->create_page(p));
        if (!pg) {
            empty_pages.push_back(p + 1);
            laid.push_back(std::move(page));
            continue;
        }
        const poppler::rectf box = pg->page_rect();
        page.width = static_cast<float>(box.width());
        page.height = static_cast<float>(box.height());
        for (poppler::text_box& t : pg->text_list()) {
            if (++words > max_words)
                return damaged(fmt::format("PDF文件的文字超过{}个词的上限：未读取", max_words),
                               fmt::format("the PDF has more than {} words of text, over the limit: it was not read", max_words));
            const std::u32string cps = code_points(t.text());
            if (cps.empty()) continue;
            read::pdf::Word w;
            w.text.reserve(cps.size() * 3);
            for (char32_t c : cps) append_utf8(w.text, c);
            const poppler::rectf b = t.bbox();
            w.x0 = static_cast<float>(b.left()), w.y0 = static_cast<float>(b.top());
            w.x1 = static_cast<float>(b.right()), w.y1 = static_cast<float>(b.bottom());
            w.space_after = t.has_space_after();
            w.rotation = static_cast<std::uint8_t>(t.rotation() & 3);
            // the em: the advance of the word's full-width characters
            std::vector<float> advances;
            for (std::size_t i = 0; i < cps.size() && i < 64; ++i) {
                if (!is_wide(cps[i])) continue;
                const poppler::rectf c = t.char_bbox(i);
                const double a = w.rotation % 2 ? c.height() : c.width();
                if (a > 0) advances.push_back(static_cast<float>(a));
            }
            if (!advances.empty()) {
                std::nth_element(advances.begin(), advances.begin() + static_cast<std::ptrdiff_t>(advances.size() / 2), advances.end());
                w.em = advances[advances.size() / 2];
            }
            page.words.push_back(std::move(w));
        }
        if (page.words.empty()) empty_pages.push_back(p + 1);
        laid.push_back(std::move(page));
    }
    if (static_cast<int>(empty_pages.size()) == pages) {
        out.diagnostics.push_back(error(
            "PDF文件没有文字层（扫描件或图片）：无可读取的文字，未读取；请先进行OCR文字识别（例如 `ocrmypdf -l chi_sim 输入.pdf 输出.pdf`）再读取",
            "the PDF has no text layer (a scan, or pictures of text): there is nothing to read, and it was not read; run "
            "OCR on it first (for example `ocrmypdf -l chi_sim in.pdf out.pdf`) and read the result"));
        return out;
    }
    if (!empty_pages.empty()) {
        std::string list;
        for (std::size_t i = 0; i < empty_pages.size() && i < 20; ++i) list += (i ? ", " : "") + std::to_string(empty_pages[i]);
        if (empty_pages.size() > 20) list += ", …";
        out.diagnostics.push_back(Diagnostic{
            "OGI-E-FORMAT", Severity::warning, "",
            fmt::format("PDF文件第{}页没有文字（扫描页或图片）：这些页未读取，其中的表格需要OCR", list),
            fmt::format("page(s) {} of the PDF have no text (scanned pages or pictures): they were not read, and a table on "
                        "them needs OCR",
                        list),
            {}, {}, {}, {}, {}});
    }
    out.grid = read::pdf::layout(laid);
    return out;
}

}  // namespace

void enable_pdf_reading() {
    static std::once_flag once;
    std::call_once(once, [] {
        poppler::set_debug_error_function(collect_poppler_message, nullptr);
        read::set_binary_reader(InputKind::pdf, read_pdf);
    });
}

}  // namespace ogi
