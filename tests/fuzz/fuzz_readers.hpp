// The readers' fuzz entry points (PDF, DOCX, the PDF layout on its own), shared with the
// regression test (tests/fuzz_regression_test.cpp) like fuzz_entry.hpp's.
#pragma once

#include "fuzz_entry.hpp"
#include "zip_writer.hpp"

#include "base/text.hpp"
#include "read/readers.hpp"

#ifdef OGI_HAVE_PDF
#include "read/pdf/layout.hpp"  // src/: the geometry, fed words the fuzzer makes

#include <ogi/read/pdf.hpp>
#endif

namespace ogi::fuzz {

/// A DOCX through extract(). An input that is not a ZIP archive is taken as word/document.xml
/// and packed into one, so that most runs reach the XML reader rather than libzip's checks.
inline void extract_docx_entry(std::string_view bytes) {
    if (bytes.substr(0, 2) == "PK") {
        check_extract(bytes);
        return;
    }
    check_extract(test::zip_archive({{"[Content_Types].xml", "<Types/>", false},
                                     {"word/document.xml", std::string(bytes), bytes.size() % 2 == 0}}));
}

#ifdef OGI_HAVE_PDF
/// A PDF through extract(): poppler parses it, the layout makes the grid. An input that lost
/// its header gets one back, so that mutations stay on the PDF path.
inline void extract_pdf_entry(std::string_view bytes) {
    enable_pdf_reading();
    if (bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos) {
        check_extract(bytes);
        return;
    }
    std::string pdf = "%PDF-1.4\n";
    pdf.append(bytes);
    check_extract(pdf);
}

/// Words decoded from the input (12 bytes each: box, em, flags, then up to 15 characters from a
/// small alphabet of the form's characters, digits and signs), laid out into pages.
inline std::vector<read::pdf::Page> words_of(std::string_view bytes) {
    static const char32_t alphabet[] = U"0123456789.-/%一二三四五六七八九十、（）()规章行政许可处罚强制收费总计其他结果维持纠正本年新收申请数量第页共信息内容自然人商业企业元件";
    constexpr std::size_t letters = sizeof alphabet / sizeof alphabet[0] - 1;
    std::vector<read::pdf::Page> pages(1);
    pages[0].width = 595, pages[0].height = 842;
    auto u8 = [&](std::size_t i) { return static_cast<std::uint8_t>(bytes[i]); };
    for (std::size_t i = 0; i + 12 <= bytes.size() && pages.size() <= 8;) {
        read::pdf::Word w;
        w.x0 = static_cast<float>(u8(i) | (u8(i + 1) << 8) % 4) * 0.6f;
        w.y0 = static_cast<float>(u8(i + 2) | (u8(i + 3) << 8) % 4) * 0.9f;
        w.x1 = w.x0 + static_cast<float>(u8(i + 4)) * 0.5f;
        w.y1 = w.y0 + static_cast<float>(u8(i + 5) % 40);
        w.em = static_cast<float>(u8(i + 6) % 30);
        const std::uint8_t flags = u8(i + 7);
        w.space_after = flags & 1;
        w.rotation = static_cast<std::uint8_t>((flags >> 1) & 3);
        if (flags & 0x80) pages.emplace_back(read::pdf::Page{595, 842, {}});
        const std::size_t n = 1 + u8(i + 8) % 15;
        i += 9;
        std::u32string text;
        for (std::size_t k = 0; k < n && i < bytes.size(); ++k, ++i) text += alphabet[u8(i) % letters];
        w.text = detail::to_utf8(text);
        pages.back().words.push_back(std::move(w));
    }
    return pages;
}

/// The layout on words the fuzzer makes, then the grid through extract() as a PDF's would go
/// (the synthetic pages stand in for poppler for one call).
inline void pdf_layout_entry(std::string_view bytes) {
    thread_local std::vector<read::pdf::Page> pages;
    pages = words_of(bytes);
    const read::BinaryReader before = read::binary_reader(InputKind::pdf);
    read::set_binary_reader(InputKind::pdf, [](std::string_view, const ExtractOptions&) {
        read::BinaryRead r;
        r.grid = read::pdf::layout(pages);
        return r;
    });
    check_extract("%PDF-1.4\n");
    read::set_binary_reader(InputKind::pdf, before);
}

#endif  // OGI_HAVE_PDF

}  // namespace ogi::fuzz
