// PDF pages per second on one core (docs/performance.md, "Reading PDFs"): for each file named,
// poppler's own text extraction in this process (what `pdftotext -layout` does: the document
// loaded, each page's text in physical layout), the PDF reader alone (poppler's words and the
// layout into a grid) and the whole of ogi::extract (the grid placed on the form), each run
// until it has taken at least --seconds. bench/pdf_compare runs it beside `pdftotext -layout`.
//
//   ogi-bench-pdf [--seconds S] FILE.pdf...
// Prints one line a file: name, pages, poppler text pages/s, reader pages/s, extract pages/s,
// and poppler's words alone (text_list, what the reader asks poppler for) pages/s.
#include "read/readers.hpp"

#include <ogi/read/extract.hpp>
#include <ogi/read/pdf.hpp>

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-page.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::string slurp(const char* path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

template <class F>
double rate(double seconds, int pages, F&& f) {
    using clock = std::chrono::steady_clock;
    const auto start = clock::now();
    int runs = 0;
    double elapsed = 0;
    do {
        f();
        ++runs;
        elapsed = std::chrono::duration<double>(clock::now() - start).count();
    } while (elapsed < seconds);
    return pages * runs / elapsed;
}

}  // namespace

int main(int argc, char** argv) {
    double seconds = 2;
    std::vector<const char*> files;
    for (int i = 1; i < argc; ++i) {
        if (std::string(argv[i]) == "--seconds" && i + 1 < argc) seconds = std::atof(argv[++i]);
        else files.push_back(argv[i]);
    }
    if (files.empty()) {
        std::fprintf(stderr, "usage: ogi-bench-pdf [--seconds S] FILE.pdf...\n");
        return 2;
    }
    ogi::enable_pdf_reading();
    const ogi::read::BinaryReader reader = ogi::read::binary_reader(ogi::InputKind::pdf);
    std::printf("%-28s %6s %14s %14s %14s %14s\n", "file", "pages", "poppler p/s", "reader p/s", "extract p/s", "words p/s");
    for (const char* f : files) {
        const std::string bytes = slurp(f);
        const ogi::read::BinaryRead first = reader(bytes, {});
        if (!first.grid) {
            std::printf("%-28s not read\n", f);
            continue;
        }
        int pages = 0;
        for (const auto& r : first.grid->rows)
            for (const auto& c : r.cells) pages = std::max<int>(pages, static_cast<int>(c.source.page));
        const double t = rate(seconds, pages, [&] {
            std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
            for (int p = 0; doc && p < doc->pages(); ++p) {
                std::unique_ptr<poppler::page> page(doc->create_page(p));
                if (page) (void)page->text(page->page_rect(), poppler::page::physical_layout);
            }
        });
        // poppler's words alone, with their character boxes: what the reader asks of poppler
        const double w = rate(seconds, pages, [&] {
            std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
            for (int p = 0; doc && p < doc->pages(); ++p) {
                std::unique_ptr<poppler::page> page(doc->create_page(p));
                if (page) (void)page->text_list();
            }
        });
        const double r = rate(seconds, pages, [&] { (void)reader(bytes, {}); });
        const double e = rate(seconds, pages, [&] { (void)ogi::extract(bytes); });
        const char* base = std::strrchr(f, '/');
        std::printf("%-28s %6d %14.1f %14.1f %14.1f %14.1f\n", base ? base + 1 : f, pages, t, r, e, w);
    }
    return 0;
}
