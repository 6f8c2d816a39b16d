import GuichetCore

/// `SearchText.normalize` for the characters French labels are made of, without Foundation's folding
/// (about 50 µs a call: 2 s for the index of 30,000 labels). Anything outside the table goes to `SearchText.normalize`,
/// so results are identical; a test compares both over every real label.
enum FoldedText {
  /// Lower-case ASCII replacement of each accented Latin letter the table knows.
  private static let table: [UInt32: String] = {
    var map: [UInt32: String] = [:]
    let groups: [(String, String)] = [
      ("àáâãäåÀÁÂÃÄÅāĀăĂąĄ", "a"), ("çÇćĆĉĈċĊčČ", "c"), ("ďĎ", "d"),
      ("èéêëÈÉÊËēĒĕĔėĖęĘěĚ", "e"), ("ĝĜğĞġĠģĢ", "g"), ("ĥĤ", "h"), ("ìíîïÌÍÎÏĩĨīĪĭĬįĮ", "i"),
      ("ĵĴ", "j"), ("ķĶ", "k"), ("ĺĹļĻľĽ", "l"), ("ñÑńŃņŅňŇ", "n"), ("òóôõöÒÓÔÕÖōŌŏŎőŐ", "o"),
      ("ŕŔŗŖřŘ", "r"), ("śŚŝŜşŞšŠ", "s"), ("ţŢťŤ", "t"), ("ùúûüÙÚÛÜũŨūŪŭŬůŮűŰųŲ", "u"),
      ("ŵŴ", "w"), ("ýÿÝŸŷŶ", "y"), ("źŹżŻžŽ", "z"), ("œŒ", "oe"), ("æÆ", "ae"), ("’‘", "'"),
    ]
    for (letters, base) in groups {
      for scalar in letters.unicodeScalars { map[scalar.value] = base }
    }
    return map
  }()

  /// Punctuation and symbols that normalisation leaves as they are.
  private static let unchanged: Set<UInt32> = [
    0xA0, 0xAB, 0xBB, 0xB0, 0xB7, 0x2013, 0x2014, 0x2026, 0x20AC, 0x201C, 0x201D, 0x202F,
  ]

  static func normalize(_ text: String) -> String {
    var output = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      let value = scalar.value
      if value < 0x80 {
        if value >= 0x41 && value <= 0x5A {
          output.append(Unicode.Scalar(UInt8(value + 0x20)))
        } else if value >= 0x20 && value != 0x7F {
          output.append(scalar)
        } else {
          return SearchText.normalize(text)
        }
      } else if let base = table[value] {
        output.append(contentsOf: base.unicodeScalars)
      } else if unchanged.contains(value) {
        output.append(scalar)
      } else {
        return SearchText.normalize(text)
      }
    }
    return String(output)
  }
}
