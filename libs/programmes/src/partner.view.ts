import { PartnerRole, PartnerStatus } from './entities';

export class PartnerView {
  id!: string;
  programmeId!: string;
  organizationId!: string;
  organizationName!: string;
  organizationKind!: string;
  role!: PartnerRole;
  status!: PartnerStatus;
  agreementSignedOn!: string | null;
  agreementReference!: string | null;
  agreementExpiresOn!: string | null;
  createdAt!: Date;
  updatedAt!: Date;
}
