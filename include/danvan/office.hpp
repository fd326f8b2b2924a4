// Word documents (.docx, Office Open XML) in the official layout of Nghị định 30/2020/NĐ-CP,
// Phụ lục I: the recognition decision (quyết định công nhận) with its annex, from a registry
// selection, and a plan (kế hoạch) as a document (library danvan::office, built with
// danvan::formats; the core danvan::danvan does not need it).
//
// The package's fixed parts (styles, page, content types) are the files of data/templates/docx,
// embedded when the library is built. Text goes in as it is, checked: only characters XML 1.0
// allows and Word shows (no C0 or C1 control characters but tab and line ends, no U+FFFE/U+FFFF,
// well-formed UTF-8); anything else is a ValueError naming the field, never a corrupt file.
// What the data does not know (a decision's number and date, the signer's name) is written as a
// visible blank to fill in ("Số:       /QĐ-UBND", "……………"), never invented.
#pragma once

#include "danvan/instrument.hpp"
#include "danvan/plan.hpp"
#include "danvan/registry.hpp"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace danvan {

/// True when this build writes .docx files (danvan::office needs libzip); without it the
/// writers throw ValueError "not built with .docx writing support (libzip)".
bool docx_writing_supported() noexcept;

/// What a recognition decision (quyết định công nhận) says beyond the registry's entries.
struct DecisionOptions {
  /// The issuing body (cơ quan ban hành), a unit of the registry's hierarchy. A People's
  /// Committee unit ("Thành phố Tuy Hòa") is written "ỦY BAN NHÂN DÂN" / "THÀNH PHỐ TUY HÒA",
  /// its authority "CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ TUY HÒA" and its symbol code "UBND";
  /// another unit by its name in capitals.
  std::string issuer_unit_id;
  /// The level recognised at ("cấp huyện" in the abstract); none: no level is named.
  std::optional<Level> level;
  /// The period recognised in ("năm 2024" in the abstract); also picks the recognition whose
  /// grade and level the annex shows (the latest in the period, else the latest at all).
  std::optional<DateRange> recognised_in;
  /// The bases (căn cứ): instruments of `catalogue` by id, in order, written as
  /// InstrumentCatalogue::describe gives them with their titles. None: one blank "Căn cứ"
  /// line to fill in.
  const InstrumentCatalogue* catalogue = nullptr;
  std::vector<std::string> basis_ids;  ///< ids of `catalogue`'s instruments, in order
  /// Who signs: the authority and title lines and the name; an empty name is a blank.
  Signature signature{"KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", ""};
  /// Nơi nhận, each line without its leading "- " and final ";" or ".".
  std::vector<std::string> recipients{"Như Điều 3", "Lưu: VT"};
};

/// One row of a decision's annex (phụ lục), as written: the entry's name, its owner unit's
/// name, its fields' names ("; "-joined, "" when the registry names none), the level and the
/// grade of the recognition ("" when unknown), and for individuals the person's name.
struct DecisionRow {
  std::string entry_id;  ///< the registry's id (not printed)
  std::string name;      ///< tên mô hình, điển hình
  std::string unit;      ///< đơn vị: the owner unit's name
  std::string field;     ///< lĩnh vực: "kinh tế; văn hóa – xã hội", "" when unknown
  std::string level;     ///< cấp công nhận: "Cấp huyện", "" when unknown
  std::string grade;     ///< xếp loại: "xuất sắc", "" when unknown
  std::string person;    ///< cá nhân: the person of an individual, else ""
  /// tập thể / cá nhân: the annex's section when the selection holds both (not a column)
  Subject subject = Subject::unknown;
  friend bool operator==(const DecisionRow&, const DecisionRow&) = default;
};

/// The annex rows of the decision on `selection` (indexes into the registry), in Vietnamese
/// order (Registry::sort: by name, individuals by the person's given name). Throws ValueError
/// for an empty selection ("the selection is empty: no entry to recognise") or an index out of
/// range.
std::vector<DecisionRow> decision_rows(const Registry& registry, std::vector<std::size_t> selection,
                                       const DecisionOptions& options);

/// The decision as a .docx file's bytes: header block (issuing body beside the national motto,
/// a borderless two-column table), number and place-date line, "QUYẾT ĐỊNH" and the abstract,
/// the authority, the bases, "Điều 1" (recognising the annex), "Điều 2" (effect), "Điều 3"
/// (execution), Nơi nhận beside the signing block, then on a new page the annex table (STT,
/// name, unit, field, level, grade, person) whose header row repeats on every page. Throws
/// ValueError: empty selection, unknown issuer unit or basis id, a basis without a catalogue,
/// text Word cannot show (naming the entry and field), no .docx support in this build.
std::string decision_docx(const Registry& registry, std::vector<std::size_t> selection,
                          const DecisionOptions& options);

/// Certificates (giấy khen, bằng khen) for the entries of `selection`, one page each, in
/// Vietnamese order, as a .docx file's bytes: the national name and motto, the authority of
/// `options`' issuing unit, "TẶNG", the form ("GIẤY KHEN", "BẰNG KHEN"), the recipient (an
/// individual's person, else the owner unit) and its unit, the achievement (the entry, its
/// kind, the level and period of `options`), the decision line and register number as blanks,
/// the place-date line and the signing block. Throws ValueError as decision_docx, and for an
/// empty form.
std::string certificates_docx(const Registry& registry, std::vector<std::size_t> selection,
                              const DecisionOptions& options, std::string_view form = "GIẤY KHEN");

/// The plan as a .docx file's bytes: the header block from its issuer lines, its number and
/// place-date line, the document type and title, the bases ("Căn cứ ..."), its body outline
/// with the plan's own numbering (headings bold; or, for a plan without an outline, its
/// purposes, requirements, task areas, duties, funding and reporting under numbered
/// sections), recipients beside the signature block, and its annexes' tables. Unknown facts
/// are blanks. Throws ValueError for text Word cannot show (naming the part) or no .docx
/// support.
std::string plan_docx(const Plan& plan);

/// Writes a document's bytes to `path` atomically (danvan::write_file_atomically): a reader
/// sees the old file or the whole new one, never part of it. Throws IoError, for a missing
/// folder "<path>: the folder \"<folder>\" does not exist".
void save_document(const std::filesystem::path& path, std::string_view bytes);

}  // namespace danvan
