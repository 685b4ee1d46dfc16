// explain() of an AnswerFile in memory: here, with the editor, because explain/
// sits below edit/ (the checker uses its outcome model) and only needs the bytes.
#include <unattend/answer_file.hpp>
#include <unattend/explain.hpp>

namespace unattend {

Outcome explain(const AnswerFile& file, const SetupOptions& setup) {
  // What the caller leaves open, the file's own setup says.
  SetupOptions merged = setup;
  if (!merged.usage.value) merged.usage = file.setup().usage;
  if (!merged.target.value) merged.target = file.setup().target;
  if (!merged.arch.value) merged.arch = file.setup().arch;
  return explain(file.to_xml(), "<memory>", merged);
}

}  // namespace unattend
