import type { Express } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { AppDeps } from '../../context';

export function registerFhir(_app: Express, _deps: AppDeps, _schema: GraphQLSchema): void {}
