export * from './good-idea.entity';
export * from './good-idea-assessment.entity';
export * from './good-idea-endorsement.entity';
export * from './good-idea-adaptation.entity';
export * from './good-idea-curator.entity';
