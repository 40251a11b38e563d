// What the simulation's bots file and who works on each reference procedure:
// a valid filing form and its documents per procedure, the officers of each
// role, and the officers the demo seed lacks (the Department of Environment
// has only a reception officer there), created on first use.
import type { StaffRole } from '../plugins/app/access/access-rules.js';
import { DEMO_CITIZEN, DEMO_PASSWORD } from '../plugins/app/seed/demo-data.js';
import {
  DELIVERY_ADDRESS,
  environmentalPermitPayload,
  groundwaterPayload,
  interagencyPayload,
} from './sample-filings.js';

const ENV = '000.00.15.G12';

export { DEMO_PASSWORD };
export const SIMULATION_APPLICANT = DEMO_CITIZEN.email;

/** An officer the bots log in as; created with DEMO_PASSWORD when missing. */
export interface BotOfficer {
  email: string;
  fullName: string;
  agencyCode: string;
  unitCodes: string[];
  roles: StaffRole[];
}

/** Officers for the steps the demo seed has nobody for. */
export const SIMULATION_STAFF: BotOfficer[] = [
  {
    email: 'chuyenvien.mt@demo.motcua.vn',
    fullName: 'Ngô Văn Thành',
    agencyCode: ENV,
    unitCodes: ['TD'],
    roles: ['specialist'],
  },
  {
    email: 'truongphong.td@demo.motcua.vn',
    fullName: 'Đinh Thị Hương',
    agencyCode: ENV,
    unitCodes: ['TD'],
    roles: ['head_of_unit'],
  },
  {
    email: 'truongphong.ks@demo.motcua.vn',
    fullName: 'Lý Văn Khoa',
    agencyCode: ENV,
    unitCodes: ['KS'],
    roles: ['head_of_unit'],
  },
  {
    email: 'lanhdao.mt@demo.motcua.vn',
    fullName: 'Tạ Quang Vinh',
    agencyCode: ENV,
    unitCodes: [],
    roles: ['leader'],
  },
];

/** The bots of one procedure, by what they do. */
export type BotName =
  | 'citizen'
  | 'reception'
  | 'specialist'
  | 'head'
  | 'headTD'
  | 'headKS'
  | 'leader'
  | 'cashier'
  | 'partnerSpecialist';

export interface SimulatedProcedure {
  /** The catalogue code (TTHC). */
  code: string;
  bpmnProcessId: string;
  formData(): Record<string, unknown>;
  /** Document keys to attach, each as a small PDF. */
  documents: string[];
  bots: Partial<Record<BotName, string>>;
}

const individual = {
  type: 'individual',
  fullName: DEMO_CITIZEN.fullName,
  citizenId: DEMO_CITIZEN.citizenId,
  dateOfBirth: DEMO_CITIZEN.dateOfBirth,
  phone: DEMO_CITIZEN.phone,
  email: DEMO_CITIZEN.email,
  address: DELIVERY_ADDRESS,
};

const organisation = {
  type: 'organisation',
  fullName: 'Công ty cổ phần Thủy sản Cà Mau',
  // A made-up tax code with a valid check digit.
  taxCode: '0102030405',
  representative: { fullName: DEMO_CITIZEN.fullName, position: 'Giám đốc' },
  phone: '02903123456',
  email: DEMO_CITIZEN.email,
  address: { provinceCode: '01', districtCode: '001', communeCode: '00001', street: '1 Phúc Xá' },
};

const waterBots = {
  citizen: SIMULATION_APPLICANT,
  reception: 'motcua@demo.motcua.vn',
  specialist: 'chuyenvien@demo.motcua.vn',
  head: 'truongphong@demo.motcua.vn',
  leader: 'lanhdao@demo.motcua.vn',
  cashier: 'thuphi@demo.motcua.vn',
};

export const SIMULATED_PROCEDURES: Record<string, SimulatedProcedure> = {
  'groundwater-exploration-licence': {
    code: '1.004228',
    bpmnProcessId: 'groundwater-exploration-licence',
    formData: () => groundwaterPayload(individual),
    documents: ['application', 'exploration-plan'],
    bots: waterBots,
  },
  'environmental-permit': {
    code: '1.010727',
    bpmnProcessId: 'environmental-permit',
    formData: () => environmentalPermitPayload(organisation),
    documents: ['application', 'permit-report'],
    bots: {
      citizen: SIMULATION_APPLICANT,
      reception: 'motcua.mt@demo.motcua.vn',
      specialist: 'chuyenvien.mt@demo.motcua.vn',
      headTD: 'truongphong.td@demo.motcua.vn',
      headKS: 'truongphong.ks@demo.motcua.vn',
      leader: 'lanhdao.mt@demo.motcua.vn',
    },
  },
  'water-resource-interagency': {
    code: '1.004232',
    bpmnProcessId: 'water-resource-interagency',
    formData: () => interagencyPayload(individual),
    documents: ['registration'],
    bots: {
      ...waterBots,
      // The Department of Environment's specialist gives the inter-agency opinion.
      partnerSpecialist: 'chuyenvien.mt@demo.motcua.vn',
    },
  },
};

/** A small PDF the upload inspector accepts. */
export const SAMPLE_PDF = Buffer.concat([
  Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n'),
  Buffer.alloc(500, 32),
]);
