// The ogi tool's subcommands that live in files of their own, and what they share
// (commands.cpp). Each adds itself to the command line with add_*() and is run by main()
// with run_*() when it was chosen.
#pragma once

#include "io.hpp"

#include <ogi/base/diagnostic.hpp>
#include <ogi/model/report.hpp>

#include <CLI/CLI.hpp>

#include <cstddef>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ogi::cli {

// ---- shared (commands.cpp)
void print(std::FILE* f, std::string_view s);
/// Reads a report JSON file strictly; on failure nothing, and `error` says why.
std::optional<Report> load_report(const std::string& file, std::size_t max_bytes, Lang lang, std::string& error);
/// Writes `text` to `path` through a temporary file in the same directory and a rename.
bool write_atomically(const std::string& path, const std::string& text, Lang lang, std::string& error);
void print_findings(std::FILE* f, const std::vector<Diagnostic>& diagnostics, Lang lang, const Style& st);
/// The diagnostics document of report-json.md: {"file", "valid", "diagnostics"}.
std::string diagnostics_document(const std::string& file, bool valid, const std::vector<Diagnostic>& diagnostics,
                                 Lang lang);

// ---- ogi compare EARLIER LATER (compare_cmd.cpp)
struct CompareArgs {
    std::string earlier, later;
    bool force = false;
    bool werror = false;
    bool blanks_as_zero = false;
    std::size_t max_size = 64u << 20;
};
CLI::App* add_compare(CLI::App& app, CompareArgs& args);
int run_compare(const CompareArgs& args, Lang lang, bool as_json);

// ---- ogi aggregate PART... [-o OUT] [--check AGG] (aggregate_cmd.cpp)
struct AggregateArgs {
    std::vector<std::string> parts;
    std::string output;
    std::string check;
    std::string agency;
    std::size_t max_size = 64u << 20;
};
CLI::App* add_aggregate(CLI::App& app, AggregateArgs& args);
int run_aggregate(const AggregateArgs& args, Lang lang, bool as_json);

// ---- ogi render FILE --to html|markdown|text [--check] [--werror] [-o OUT] (render_cmd.cpp)
struct RenderArgs {
    std::string file;
    std::string to = "html";
    std::string output = "-";
    bool check = false;
    bool werror = false;
    std::size_t max_size = 64u << 20;
};
CLI::App* add_render(CLI::App& app, RenderArgs& args);
int run_render(const RenderArgs& args, Lang lang);

// ---- ogi extract FILE... [-o OUT|DIR] [-r] [-j N] [--with-provenance] [--validate] (extract_cmd.cpp)
struct ExtractArgs {
    std::vector<std::string> files;
    std::string output;
    bool with_provenance = false;
    bool explain = false;
    bool validate = false;
    bool werror = false;
    bool recursive = false;
    int jobs = 0;
    std::size_t max_size = 64u << 20;
};
CLI::App* add_extract(CLI::App& app, ExtractArgs& args);
int run_extract(const ExtractArgs& args, Lang lang, bool as_json);

// ---- ogi export FILE... --to csv [--form long|wide] [--bom] [-o OUT] (export_cmd.cpp)
struct ExportArgs {
    std::vector<std::string> files;
    std::string to = "csv";
    std::string form = "long";
    bool bom = false;
    std::string output = "-";
    bool recursive = false;
    int jobs = 0;
    std::size_t max_size = 64u << 20;
};
CLI::App* add_export(CLI::App& app, ExportArgs& args);
int run_export(const ExportArgs& args, Lang lang);

}  // namespace ogi::cli
