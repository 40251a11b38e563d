// Demo agencies, units and accounts for a ministry of agriculture and
// environment (water resources and environment departments), seeded by
// `npm start` when DEMO_SEED is on. Every demo account shares one password,
// printed at start; turn DEMO_SEED off on a real deployment.
import type { StaffRole } from '../access/access-rules.js';

export const DEMO_PASSWORD = 'MotCua@2026';

export const DEMO_AGENCIES = [
  {
    code: '000.00.00.G12',
    nameVi: 'Bộ Nông nghiệp và Môi trường',
    nameEn: 'Ministry of Agriculture and Environment',
    parent: null,
    units: [{ code: 'VP', nameVi: 'Văn phòng Bộ', nameEn: 'Ministry Office' }],
  },
  {
    code: '000.00.12.G12',
    nameVi: 'Cục Quản lý tài nguyên nước',
    nameEn: 'Department of Water Resources Management',
    parent: '000.00.00.G12',
    units: [
      { code: 'MOTCUA', nameVi: 'Bộ phận Một cửa', nameEn: 'One-stop desk' },
      { code: 'NDD', nameVi: 'Phòng Nước dưới đất', nameEn: 'Groundwater Division' },
      { code: 'NM', nameVi: 'Phòng Nước mặt', nameEn: 'Surface Water Division' },
      {
        code: 'KHTC',
        nameVi: 'Phòng Kế hoạch - Tài chính',
        nameEn: 'Planning and Finance Division',
      },
    ],
  },
  {
    code: '000.00.15.G12',
    nameVi: 'Cục Môi trường',
    nameEn: 'Department of Environment',
    parent: '000.00.00.G12',
    units: [
      { code: 'MOTCUA', nameVi: 'Bộ phận Một cửa', nameEn: 'One-stop desk' },
      { code: 'TD', nameVi: 'Phòng Thẩm định', nameEn: 'Appraisal Division' },
      { code: 'KS', nameVi: 'Phòng Kiểm soát ô nhiễm', nameEn: 'Pollution Control Division' },
    ],
  },
] as const;

export interface DemoStaff {
  email: string;
  fullName: string;
  agency: string;
  units: string[];
  roles: StaffRole[];
}

const WATER = '000.00.12.G12';
const ENV = '000.00.15.G12';

export const DEMO_STAFF: DemoStaff[] = [
  {
    email: 'motcua@demo.motcua.vn',
    fullName: 'Nguyễn Thị Lan',
    agency: WATER,
    units: ['MOTCUA'],
    roles: ['reception'],
  },
  {
    email: 'chuyenvien@demo.motcua.vn',
    fullName: 'Trần Văn Minh',
    agency: WATER,
    units: ['NDD'],
    roles: ['specialist'],
  },
  {
    email: 'truongphong@demo.motcua.vn',
    fullName: 'Lê Thị Hoa',
    agency: WATER,
    units: ['NDD'],
    roles: ['head_of_unit'],
  },
  {
    email: 'lanhdao@demo.motcua.vn',
    fullName: 'Phạm Quốc Hùng',
    agency: WATER,
    units: [],
    roles: ['leader'],
  },
  {
    email: 'thuphi@demo.motcua.vn',
    fullName: 'Đỗ Thu Trang',
    agency: WATER,
    units: ['KHTC'],
    roles: ['cashier'],
  },
  {
    email: 'phantich@demo.motcua.vn',
    fullName: 'Vũ Đức Anh',
    agency: WATER,
    units: [],
    roles: ['analyst'],
  },
  {
    email: 'kiemtra@demo.motcua.vn',
    fullName: 'Hoàng Văn Nam',
    agency: WATER,
    units: [],
    roles: ['auditor'],
  },
  {
    email: 'motcua.mt@demo.motcua.vn',
    fullName: 'Bùi Thị Mai',
    agency: ENV,
    units: ['MOTCUA'],
    roles: ['reception'],
  },
  {
    email: 'vanhanh@demo.motcua.vn',
    fullName: 'Đơn vị vận hành',
    agency: '000.00.00.G12',
    units: [],
    roles: ['operator'],
  },
  {
    email: 'quantri@demo.motcua.vn',
    fullName: 'Quản trị hệ thống',
    agency: '000.00.00.G12',
    units: [],
    roles: ['admin'],
  },
];

export const DEMO_CITIZEN = {
  email: 'congdan@demo.motcua.vn',
  fullName: 'Nguyễn Văn An',
  citizenId: '001090012345',
  dateOfBirth: '1990-05-12',
  phone: '0912345678',
  address: 'Số 10 Trần Hưng Đạo, phường Hoàn Kiếm, Hà Nội',
};

export const DEMO_ORGANISATION = {
  email: 'doanhnghiep@demo.motcua.vn',
  organisationName: 'Công ty TNHH Nước sạch Sông Hồng',
  // A made-up tax code with a valid check digit.
  taxCode: '0102030405',
  representative: 'Trần Thị Bình',
  phone: '02438251234',
  address: 'Số 5 Lê Duẩn, phường Cửa Nam, Hà Nội',
};
