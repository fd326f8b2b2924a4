// Deterministic national-scale exemplar registry for the benchmarks. SAMPLE data: every name
// is generated.
//
// Usage: gen_national_registry OUT_DIR [--entries N] [--check]
//
// Writes
//   OUT_DIR/national-registry.json   a canonical danvan/registry document
//   OUT_DIR/sqlite-entries.tsv       idx, province, unit, kind, subject, folded name [+ person]
//   OUT_DIR/sqlite-facts.tsv         per (entry, year, field) as of 31 December of each year
//                                    from the registration year to 2026: province, year,
//                                    field, level, subject, entry, the five counts
// (bench/compare_sqlite.py builds national-registry.sqlite from the two TSV files).
//
// Units: 34 provinces; 20 districts per province until 30/06/2025, each with 5 communes (3,400
// communes) whose successors are 97 new communes per province (3,298) directly under the
// province from 01/07/2025. Entries: N (default 1,000,000) registered 2020-2026 (entry i in
// 2020 + i % 7) with 1-6 events each. Every entry is checked by Registry::add while
// generating; --check also verifies that the file is canonical (registry_to_text of the
// registry read back gives the same bytes; meant for small N).
#include "danvan/json/registry.hpp"
#include "danvan/text.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

using danvan::Date;

/// splitmix64: the same sequence on every platform (std distributions are not portable).
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  /// Uniform in [lo, hi].
  int range(int lo, int hi) {
    return lo + static_cast<int>(next() % static_cast<std::uint64_t>(hi - lo + 1));
  }
  /// Uniform in [0, 1).
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  template <class T>
  const T& choice(const std::vector<T>& v) {
    return v[static_cast<std::size_t>(range(0, static_cast<int>(v.size()) - 1))];
  }

 private:
  std::uint64_t state_;
};

struct Day {
  int y = 0, m = 0, d = 0;
  [[nodiscard]] int key() const { return y * 10000 + m * 100 + d; }
  [[nodiscard]] Date date() const {
    return Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
                static_cast<unsigned short>(d));
  }
};

Day add_months(Day day, int k) {
  int m = day.m + k;
  const int y = day.y + (m - 1) / 12;
  m = (m - 1) % 12 + 1;
  return {y, m, day.d};
}

constexpr int new_day = 20250701;   // the new communes begin
constexpr int last_day = 20261031;  // no event after this

const std::vector<std::string> field_ids{"kinh-te", "van-hoa-xa-hoi", "quoc-phong-an-ninh",
                                         "xay-dung-he-thong-chinh-tri", "xay-dung-nong-thon-moi"};
const std::vector<std::string> family{"Nguyễn", "Trần", "Lê",    "Phạm", "Hoàng", "Huỳnh",
                                      "Phan",   "Vũ",   "Võ",    "Đặng", "Bùi",   "Đỗ",
                                      "Hồ",     "Ngô",  "Dương", "Lý"};
const std::vector<std::string> middle{"Văn",  "Thị", "Hữu",  "Minh", "Thanh",
                                      "Ngọc", "Đức", "Xuân", "Thu",  "Quốc"};
const std::vector<std::string> given{"An",   "Bình",  "Cường", "Dũng", "Hà",   "Hạnh",
                                     "Hòa",  "Hùng",  "Lan",   "Linh", "Mai",  "Nam",
                                     "Phúc", "Quang", "Sơn",   "Tâm",  "Thảo", "Trang",
                                     "Tuấn", "Vân",   "Yến",   "Ánh",  "Đạt",  "Khoa"};
const std::vector<std::string> topics{"cải cách thủ tục hành chính",
                                      "xây dựng nông thôn mới",
                                      "giảm nghèo bền vững",
                                      "bảo vệ môi trường",
                                      "an ninh trật tự",
                                      "chuyển đổi số",
                                      "hiến đất làm đường",
                                      "phát triển kinh tế hộ",
                                      "khuyến học",
                                      "hòa giải ở cơ sở",
                                      "nước sạch nông thôn",
                                      "phòng chống thiên tai"};
const std::vector<std::string> places{"thôn", "khu phố", "tổ dân phố", "buôn", "ấp"};

struct Home {
  std::string unit;
  std::string province;
};

std::string two(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }
std::string three(int n) {
  return std::string(n < 100 ? (n < 10 ? "00" : "0") : "") + std::to_string(n);
}

danvan::Unit make_unit(std::string id, std::string name, danvan::Level level,
                       std::optional<std::string> parent) {
  danvan::Unit u;
  u.id = std::move(id);
  u.name = std::move(name);
  u.kind = danvan::UnitKind::peoples_committee;
  u.level = level;
  u.parent_id = std::move(parent);
  return u;
}

int usage() {
  std::cerr << "usage: gen_national_registry OUT_DIR [--entries N] [--check]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  // An option where the output folder belongs (e.g. "--help") is a usage error, not a folder
  // to create.
  if (argc < 2 || std::string_view(argv[1]).starts_with("-")) return usage();
  const std::filesystem::path out_dir = argv[1];
  long long n_entries = 1000000;
  bool check = false;
  for (int i = 2; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--entries" && i + 1 < argc) {
      n_entries = std::atoll(argv[++i]);
    } else if (a == "--check") {
      check = true;
    } else {
      return usage();
    }
  }
  if (n_entries < 1 || n_entries > 9999999) return usage();
  std::filesystem::create_directories(out_dir);

  // Units ------------------------------------------------------------------------------------
  const Date end_old(2025, 6, 30);
  const Date begin_new(2025, 7, 1);
  std::vector<danvan::Unit> units;
  std::vector<Home> districts, old_communes, new_communes;
  for (int p = 1; p <= 34; ++p) {
    const std::string pid = "p" + two(p);
    units.push_back(make_unit(pid, "Tỉnh mẫu " + std::to_string(p), danvan::Level::province, {}));
    std::vector<danvan::Unit> news;
    for (int k = 1; k <= 97; ++k) {
      danvan::Unit u = make_unit(pid + "-x" + three(k), "Xã mới mẫu " + pid + "-x" + three(k),
                                 danvan::Level::commune, pid);
      u.valid_from = begin_new;
      news.push_back(std::move(u));
    }
    for (int d = 1; d <= 20; ++d) {
      const std::string did = pid + "-h" + two(d);
      danvan::Unit district =
          make_unit(did, "Huyện mẫu " + std::to_string(p) + "." + std::to_string(d),
                    danvan::Level::district, pid);
      district.valid_to = end_old;
      units.push_back(std::move(district));
      districts.push_back({did, pid});
      for (int c = 1; c <= 5; ++c) {
        const std::string cid = did + "-c" + std::to_string(c);
        danvan::Unit commune = make_unit(
            cid, "Xã mẫu " + std::to_string(p) + "." + std::to_string(d) + "." + std::to_string(c),
            danvan::Level::commune, did);
        commune.valid_to = end_old;
        auto& successor = news[static_cast<std::size_t>(((d - 1) * 5 + c - 1) % 97)];
        commune.successor_ids = {successor.id};
        successor.predecessor_ids.push_back(cid);
        units.push_back(std::move(commune));
        old_communes.push_back({cid, pid});
      }
    }
    for (auto& u : news) {
      new_communes.push_back({u.id, pid});
      units.push_back(std::move(u));
    }
  }
  const std::size_t unit_count = units.size();
  danvan::Registry registry(danvan::UnitHierarchy(std::move(units)),
                            {{"xay-dung-nong-thon-moi", "xây dựng nông thôn mới"}});
  registry.set_note("SAMPLE DATA for benchmarks, generated by bench/gen_national_registry.cpp");
  std::string head = danvan::registry_to_text(registry);
  const std::string empty_tail = "\"entries\": []\n}\n";
  if (head.size() < empty_tail.size() ||
      head.compare(head.size() - empty_tail.size(), empty_tail.size(), empty_tail) != 0) {
    std::cerr << "unexpected canonical layout\n";
    return 1;
  }
  head.resize(head.size() - 4);  // keep "\"entries\": ["

  const auto json_path = out_dir / "national-registry.json";
  std::ofstream json(json_path, std::ios::binary);
  std::ofstream entries_tsv(out_dir / "sqlite-entries.tsv", std::ios::binary);
  std::ofstream facts_tsv(out_dir / "sqlite-facts.tsv", std::ios::binary);
  json << head;

  // Entries ----------------------------------------------------------------------------------
  Rng rng(34);
  const std::vector<std::string> old_levels{"commune", "commune", "district", "province"};
  const std::vector<std::string> new_levels{"commune", "province"};
  const std::vector<danvan::EventType> later{
      danvan::EventType::commended, danvan::EventType::awarded, danvan::EventType::replicated,
      danvan::EventType::reevaluated};
  std::string out;
  for (long long i = 0; i < n_entries; ++i) {
    const int year = 2020 + static_cast<int>(i % 7);
    const Day reg{year, rng.range(1, 9), rng.range(1, 28)};
    const Home& home = reg.key() < new_day
                           ? (rng.unit() < 0.1 ? rng.choice(districts) : rng.choice(old_communes))
                           : rng.choice(new_communes);
    danvan::Entry e;
    std::array<char, 16> id{};
    std::snprintf(id.data(), id.size(), "e%07lld", i);
    e.id = id.data();
    const bool individual = rng.unit() < 0.3;
    const std::string& topic = rng.choice(topics);
    e.subject = individual ? danvan::Subject::individual : danvan::Subject::collective;
    if (individual) {
      e.person_name = rng.choice(family) + " " + rng.choice(middle) + " " + rng.choice(given);
      e.name = "Gương điển hình " + topic + ": " + *e.person_name;
    } else {
      e.name =
          "Mô hình " + topic + " " + rng.choice(places) + " " + std::to_string(rng.range(1, 12));
    }
    e.kind =
        individual || rng.unit() < 0.3 ? danvan::EntryKind::exemplar : danvan::EntryKind::model;
    e.unit_id = home.unit;
    // One field (3 in 4) or two distinct ones, in the order of field_ids.
    const int f1 = rng.range(0, 4);
    std::vector<int> fields{f1};
    if (rng.range(0, 3) == 3) {
      int f2 = rng.range(0, 3);
      if (f2 >= f1) ++f2;
      fields.push_back(f2);
      if (f2 < f1) std::swap(fields[0], fields[1]);
    }
    for (const int f : fields) e.field_ids.push_back(field_ids[static_cast<std::size_t>(f)]);
    e.description = "Mẫu " + std::to_string(i) + ": " + topic + " tại " + rng.choice(places) + " " +
                    std::to_string(rng.range(1, 20)) + ".";

    std::vector<Day> days{reg};
    danvan::Event registered;
    registered.type = danvan::EventType::registered;
    registered.date = reg.date();
    e.events.push_back(registered);
    const int n_events = rng.range(1, 6);
    if (n_events > 1) {
      Day d = add_months(reg, rng.range(1, 5));
      if (d.key() <= last_day) {
        danvan::Event rec;
        rec.type = danvan::EventType::recognised;
        rec.date = d.date();
        rec.level = danvan::parse_level(d.key() < new_day ? rng.choice(old_levels)
                                                          : rng.choice(new_levels));
        e.events.push_back(rec);
        days.push_back(d);
        int y = d.y;
        while (static_cast<int>(e.events.size()) < n_events) {
          const danvan::EventType type = rng.choice(later);
          danvan::Event ev;
          ev.type = type;
          Day c;
          if (type == danvan::EventType::reevaluated) {
            ++y;
            c = {y, 12, rng.range(1, 28)};
            if (c.key() > last_day || c.key() <= d.key()) break;
            ev.year = y;
            ev.effective = rng.unit() < 0.85;
          } else {
            c = add_months(d, rng.range(0, 3));
            if (c.key() > last_day || (c.y != d.y && c.y > y)) break;
            if (type == danvan::EventType::replicated) {
              ev.unit_ids = {
                  (c.key() < new_day ? rng.choice(old_communes) : rng.choice(new_communes)).unit};
            }
          }
          ev.date = c.date();
          e.events.push_back(std::move(ev));
          days.push_back(c);
          d = c;
        }
      }
    }
    registry.add(e);

    // JSON: the entry as the canonical writer lays it out at depth 2.
    out.clear();
    out += i == 0 ? "\n    " : ",\n    ";
    const std::string body = danvan::to_json(e).dump(2);
    for (const char ch : body) {
      out += ch;
      if (ch == '\n') out += "    ";
    }
    json << out;

    // SQLite rows.
    const std::string folded =
        danvan::fold(e.name) + (e.person_name ? " " + danvan::fold(*e.person_name) : "");
    entries_tsv << i << '\t' << home.province << '\t' << home.unit << '\t' << to_string(e.kind)
                << '\t' << to_string(e.subject) << '\t' << folded << '\n';
    for (int fy = reg.y; fy <= 2026; ++fy) {
      const int end = fy * 10000 + 1231;
      std::array<int, 5> c{};
      int state = 0;  // 0 none, 1 registered, 2 recognised, 3 effective, 4 no longer effective
      int level = 4;
      for (std::size_t k = 0; k < e.events.size(); ++k) {
        if (days[k].key() > end) break;
        const int in_year = days[k].y == fy ? 1 : 0;
        const auto& ev = e.events[k];
        switch (ev.type) {
          case danvan::EventType::registered:
            state = 1;
            c[0] |= in_year;
            break;
          case danvan::EventType::recognised:
            state = 2;
            level = std::min(level, static_cast<int>(*ev.level));
            c[1] |= in_year;
            break;
          case danvan::EventType::commended:
          case danvan::EventType::awarded:
            c[3] |= in_year;
            break;
          case danvan::EventType::replicated:
            c[4] |= in_year;
            break;
          case danvan::EventType::reevaluated:
            state = *ev.effective ? 3 : 4;
            break;
          case danvan::EventType::revoked:
            state = 5;
            break;
          case danvan::EventType::promoted:  // this generator writes no promotion events
            break;
        }
      }
      c[2] = state == 2 || state == 3 ? 1 : 0;
      if (c == std::array<int, 5>{}) continue;
      const std::string level_name =
          level == 4 ? "none" : std::string(danvan::to_string(static_cast<danvan::Level>(level)));
      for (const auto& f : e.field_ids) {
        facts_tsv << home.province << '\t' << fy << '\t' << f << '\t' << level_name << '\t'
                  << to_string(e.subject) << '\t' << i << '\t' << c[0] << '\t' << c[1] << '\t'
                  << c[2] << '\t' << c[3] << '\t' << c[4] << '\n';
      }
    }
  }
  json << "\n  ]\n}\n";
  json.close();
  entries_tsv.close();
  facts_tsv.close();
  if (!json || !entries_tsv || !facts_tsv) {
    std::cerr << "writing to " << out_dir << " failed\n";
    return 1;
  }
  const auto size = std::filesystem::file_size(json_path);
  std::cout << json_path.string() << ": " << size << " bytes, " << n_entries << " entries, "
            << unit_count << " units\n";
  if (check) {
    const std::string text = danvan::read_file(json_path);
    const danvan::Registry back = danvan::read_registry(text);
    if (!(back == registry) || danvan::registry_to_text(back) != text) {
      std::cerr << "check failed: the file is not the canonical text of the registry\n";
      return 1;
    }
    std::cout << "check: canonical, reads back to the same registry\n";
  }
  return 0;
}
