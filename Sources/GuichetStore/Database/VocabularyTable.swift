import GuichetCore

/// One coded vocabulary of the visit form, as stored: the Core enum is the source of truth, the table lets
/// SQL enforce codes with foreign keys and lets exports join labels.
struct VocabularyTable: Sendable {
  struct Row: Sendable, Equatable {
    var code: String
    var label: String
    var position: Int
  }

  var name: String
  var rows: [Row]

  init<Value: CodedValue>(_ name: String, _ type: Value.Type) {
    self.name = name
    self.rows = type.allCases.enumerated().map { index, value in
      Row(code: value.rawValue, label: value.label, position: index + 1)
    }
  }

  static let all: [VocabularyTable] = [
    VocabularyTable("channel", Channel.self),
    VocabularyTable("public_category", PublicCategory.self),
    VocabularyTable("age_band", AgeBand.self),
    VocabularyTable("request_kind", RequestKind.self),
    VocabularyTable("outcome", Outcome.self),
    VocabularyTable("no_answer_reason", NoAnswerReason.self),
  ]

  /// Changes whenever a code, label or order changes in the Core enums, so seeding reruns only then.
  static var fingerprint: String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for table in all {
      for row in table.rows {
        for byte in "\(table.name)\t\(row.code)\t\(row.label)\t\(row.position)\n".utf8 {
          hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
      }
    }
    return String(hash, radix: 16)
  }
}
