// Entry for the TypeORM CLI (`npm run migration:generate`), run through ts-node.
import { DatabaseConfig, loadConfigOrExit } from '@tandem/core';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source';

export default new DataSource(dataSourceOptions(loadConfigOrExit(DatabaseConfig)));
