// The fast path of find_references (32- or 16-byte candidate scan, quick NFC check, phrase
// look-back cut short), and its SSE2-only variant, find exactly what its exhaustive path finds, on
// the bundled fixtures, on constructed texts that put candidates at every offset of a 16-byte
// block, and on the shared corpus when it is present (read by path, never copied; "not run" without
// it).
#include "../src/references/finder_paths.hpp"
#include "danvan/references.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void expect_same(const std::string& text, const std::string& what) {
  const auto fast = danvan::find_references(text);
  const auto full = danvan::detail::find_references_exhaustive(text);
  const auto narrow = danvan::detail::find_references_narrow(text);
  ASSERT_EQ(fast.size(), full.size()) << what;
  for (std::size_t k = 0; k < fast.size(); ++k) {
    EXPECT_EQ(fast[k], full[k]) << what << ": reference " << k << " \"" << full[k].surface
                                << "\" / \"" << fast[k].surface << "\"";
  }
  EXPECT_EQ(narrow, full) << what << ": the SSE2 path";
}

fs::path source_dir() { return DANVAN_SOURCE_DIR; }

TEST(ReferencePaths, FixturesGiveTheSameReferences) {
  const fs::path data = source_dir() / "tests" / "data";
  std::size_t files = 0;
  for (const char* name : {"phu-yen-2020-nam-dan-van-kheo.txt", "sample-official-plan.md"}) {
    const std::string text = read_file(data / name);
    ASSERT_FALSE(text.empty()) << name;
    expect_same(text, name);
    ++files;
  }
  EXPECT_EQ(files, 2U);
  // The founding document finds references at all (the comparison is not of two empty lists).
  EXPECT_GT(danvan::find_references(read_file(data / "phu-yen-2020-nam-dan-van-kheo.txt")).size(),
            5U);
}

TEST(ReferencePaths, CandidatesAtEveryOffsetOfABlock) {
  const std::vector<std::string> pieces = {
      "Chỉ thị số 26/CT-TTg ngày 05/9/2016 của Thủ tướng Chính phủ",
      "Luật Thi đua, Khen thưởng năm 2022",
      "nghị quyết Trung ương 4 (khóa XII)",
      "Bộ luật Lao động 2019",
      "Hiến pháp năm 2013",
      "Pháp lệnh thực hiện dân chủ ở xã, phường, thị trấn năm 2007",
      "Thông báo Kết luận số 88-KL/TW",
      "kết luận số 57-KL/TW",
      "luật đất đai 2024",
      "(1234/BNV-CQĐP)",
      "Luật sửa đổi, bổ sung một số điều của Luật Đất đai số 31/2024/QH15",
      "NGHỊ QUYẾT số 5",
      "ngày 12/12/2013, 15% và Điều 5",
  };
  for (std::size_t pad = 0; pad < 20; ++pad) {
    for (const auto& piece : pieces) {
      std::string text(pad, ' ');
      text += "x " + piece + ". Theo " + piece + "\n" + piece;
      expect_same(text, "pad " + std::to_string(pad) + ": " + piece);
      // Cut inside the last piece (at a code point boundary).
      std::size_t cut = text.size() - 3;
      while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
      expect_same(text.substr(0, cut), "cut, pad " + std::to_string(pad));
    }
  }
}

TEST(ReferencePaths, SharedCorpusGivesTheSameReferences) {
  // $DANVAN_CORPUS_DIR, else the first shared/corpus beside the source tree or an ancestor of it
  // (a repository's ../shared/corpus, as `danvan refs --evaluate` looks for it).
  fs::path root = source_dir().parent_path() / "shared" / "corpus";
  for (fs::path at = source_dir(); at.has_parent_path() && at != at.parent_path();
       at = at.parent_path()) {
    std::error_code ec;
    if (fs::is_directory(at.parent_path() / "shared" / "corpus", ec)) {
      root = at.parent_path() / "shared" / "corpus";
      break;
    }
  }
  if (const char* env = std::getenv("DANVAN_CORPUS_DIR"); env != nullptr && *env != '\0') {
    root = env;
  }
  std::vector<fs::path> files;
  for (const char* sub : {"documents", "plans"}) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(root / sub, ec)) {
      if (entry.path().extension() == ".md") files.push_back(entry.path());
    }
  }
  if (files.empty()) GTEST_SKIP() << "not run: corpus not present at " << root.string();
  std::sort(files.begin(), files.end());
  for (const auto& path : files) expect_same(read_file(path), path.filename().string());
}

}  // namespace
