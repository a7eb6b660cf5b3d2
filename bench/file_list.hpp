// The files a bench program works on: every *.json under a directory (sorted), or the paths
// listed one a line in a file.
#pragma once

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace ogi_bench {

inline std::vector<std::string> file_list(const std::string& where) {
    std::vector<std::string> files;
    if (std::filesystem::is_directory(where)) {
        for (const auto& e : std::filesystem::directory_iterator(where))
            if (e.path().extension() == ".json") files.push_back(e.path().string());
        std::sort(files.begin(), files.end());
    } else {
        std::ifstream in(where);
        for (std::string line; std::getline(in, line);)
            if (!line.empty()) files.push_back(line);
    }
    return files;
}

inline bool read_file(const std::string& path, std::string& text) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) {
        std::fprintf(stderr, "cannot read %s\n", path.c_str());
        return false;
    }
    text.clear();
    char buf[65536];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) text.append(buf, n);
    std::fclose(f);
    return true;
}

}  // namespace ogi_bench
