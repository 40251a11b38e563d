// Filled-in filing forms of the reference procedures, valid against forms/:
// the simulation's bots file them, and the tests use them as valid payloads.
// The applicant is the caller's (the demo citizen, a test's person, ...).

export type Applicant = Record<string, unknown>;

/** Where deliveries go when a form asks for a postal address. */
export const DELIVERY_ADDRESS = {
  provinceCode: '01',
  communeCode: '00004',
  street: '12 Phố Tràng Tiền',
};

export function groundwaterPayload(applicant: Applicant): Record<string, unknown> {
  return {
    applicant: structuredClone(applicant),
    project: {
      name: 'Giếng khai thác nước phục vụ sinh hoạt thôn Đông',
      location: {
        provinceCode: '26',
        communeCode: '08869',
        street: 'Thôn Đông, thửa 112, tờ bản đồ 5',
      },
    },
    exploration: {
      purpose: 'domestic-supply',
      plannedFlowM3PerDay: 250,
      wellCount: 2,
      plannedDepthM: 80,
      aquifer: 'Tầng chứa nước Pleistocen (qp)',
      periodMonths: 6,
      plannedStartDate: '2026-03-01',
    },
    resultDelivery: 'online',
    declaration: true,
  };
}

export function environmentalPermitPayload(applicant: Applicant): Record<string, unknown> {
  return {
    applicant: structuredClone(applicant),
    facility: {
      kind: 'operating-facility',
      name: 'Nhà máy chế biến thủy sản Cà Mau',
      location: { provinceCode: '96', communeCode: '32002', street: 'Khu công nghiệp Khánh An' },
      environmentalCategory: 'II',
      businessType: 'Chế biến thủy sản đông lạnh',
      capacity: '10.000 tấn sản phẩm/năm',
      areaM2: 25000,
    },
    permitContents: ['wastewater', 'exhaust-gas'],
    wastewater: { maxFlowM3PerDay: 1200, receivingWater: 'Sông Ông Đốc' },
    exhaustGas: { maxFlowM3PerHour: 15000, sourceCount: 2 },
    siteInspection: {
      contactName: 'Lê Văn Cường',
      contactPhone: '0901234567',
      earliestDate: '2026-04-01',
    },
    requestedTermYears: 10,
    resultDelivery: 'postal',
    deliveryAddress: DELIVERY_ADDRESS,
    declaration: true,
  };
}

export function interagencyPayload(applicant: Applicant): Record<string, unknown> {
  return {
    applicant: structuredClone(applicant),
    waterSource: {
      kind: 'surface-water',
      name: 'Kênh N2 hệ thống thủy lợi Bắc Hưng Hải',
      intakeLocation: { provinceCode: '33', communeCode: '12001', street: 'Thôn Trung' },
      coordinates: { x: 2315000, y: 580000 },
    },
    use: { purpose: 'aquaculture', method: 'pumping', flowM3PerDay: 300, startDate: '2026-05-01' },
    relatedWorks: {
      name: 'Hệ thống thủy lợi Bắc Hưng Hải',
      managingAgency: 'Công ty TNHH MTV Khai thác công trình thủy lợi Bắc Hưng Hải',
      withinProtectionZone: true,
    },
    resultDelivery: 'counter',
    declaration: true,
  };
}
