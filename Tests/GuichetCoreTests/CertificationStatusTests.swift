import GuichetCore
import Testing

/// The export said ACTIVE in 2021; the screens say what is true on the day they are read.
@Suite("Certification status")
struct CertificationStatusTests {
  @Test func activeUntilItsEndOfValidityThenExpired() {
    let valid = CertificationStatus(isActive: true, endDate: "2024-01-01", today: 20_240_101)
    #expect(valid == .active(until: "2024-01-01"))
    #expect(valid.label == "active jusqu'au 01/01/2024")
    #expect(valid.isCurrent)
    let expired = CertificationStatus(isActive: true, endDate: "2024-01-01", today: 20_261_202)
    #expect(expired == .expired(on: "2024-01-01"))
    #expect(expired.label == "expirée le 01/01/2024")
    #expect(!expired.isCurrent)
  }

  @Test func inactiveAndUndatedFiches() {
    #expect(
      CertificationStatus(isActive: false, endDate: "2030-01-01", today: 20_261_202).label
        == "inactive")
    #expect(CertificationStatus(isActive: true, endDate: nil, today: 20_261_202).label == "active")
    let order = [
      CertificationStatus.inactive, .expired(on: "2020-01-01"), .active(until: nil),
    ].sorted { $0.rank < $1.rank }
    #expect(order.map(\.label) == ["active", "expirée le 01/01/2020", "inactive"])
  }
}
