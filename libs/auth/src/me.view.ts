export class MeUserView {
  id!: string;
  email!: string;
  name!: string;
  preferredLanguage!: string;
  createdAt!: Date;
}

export class MeMembershipView {
  organizationId!: string;
  organizationName!: string;
  organizationKind!: string;
  role!: string;
}

export class MeView {
  user!: MeUserView;
  platformRole!: string;
  memberships!: MeMembershipView[];
}
