import GuichetCore

/// The drawing both type-ahead pickers share (communes, territories): the prompt with the typed query and
/// the cursor after it, a muted placeholder while nothing is typed, a muted line while there is no match,
/// and the matches below with the highlighted one selected.
enum TypeAheadView {
  /// Returns the rows used.
  static func render(
    query: String, labels: [String], highlight: Int, prompt: String, placeholder: String,
    empty: String, in area: Rect, on canvas: inout Canvas
  ) -> Int {
    canvas.put(prompt, x: area.x, y: area.y, style: .bold)
    let promptWidth = DisplayWidth.of(prompt)
    if query.isEmpty {
      canvas.put(
        placeholder, x: area.x + promptWidth, y: area.y, style: .muted,
        limit: area.width - promptWidth)
      canvas.cursor = Point(x: area.x + promptWidth, y: area.y)
      return 1
    }
    let used = canvas.put(
      query, x: area.x + promptWidth, y: area.y, style: .underline,
      limit: area.width - promptWidth - 1)
    canvas.cursor = Point(x: area.x + promptWidth + used, y: area.y)
    if labels.isEmpty {
      canvas.put(empty, x: area.x, y: area.y + 1, style: .muted, limit: area.width)
      return 2
    }
    let rows = max(0, min(labels.count, area.height - 1))
    for (index, label) in labels.prefix(rows).enumerated() {
      canvas.putPadded(
        " " + label, x: area.x, y: area.y + 1 + index, width: area.width,
        style: index == highlight ? .selected : .plain)
    }
    return 1 + rows
  }

  /// The query as kept (cleaned, at most 60 characters), and whether it holds something to search for.
  static func query(_ text: String) -> (text: String, searchable: Bool) {
    let query = String(SafeText.clean(text).prefix(60))
    return (query, !SearchText.tokens(query).isEmpty)
  }
}
