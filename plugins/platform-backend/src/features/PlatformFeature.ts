import {
  AuthService,
  BackstageCredentials,
  DatabaseService,
  LoggerService,
  PermissionsService,
  RootConfigService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { PlatformCanaryRunner } from '@goldenpath/plugin-platform-node';
import express from 'express';
import { EventStore } from '../eventLog/EventStore';
import { EventLogRetention } from '../eventLog/expiredEvents';
import { Projection } from '../projections/Projection';
import { ApiRouter } from '@backstage/backend-openapi-utils';
import { spec } from '../schema/openapi.generated';

/**
 * The router typed from openapi.yaml: a route's query, body and response
 * types come from the spec, and requests are validated against it.
 */
export type PlatformRouter = ApiRouter<typeof spec>;

/**
 * The contract between the shared backend and a feature (dora/, cost/,
 * canary/, onboarding/). The shared backend owns the event log, the intake,
 * the linker, the projection runner and HTTP auth; a feature owns its config,
 * stores, projections, routes and actions. Features never import each other.
 */
export interface PlatformFeatureContext {
  rootConfig: RootConfigService;
  logger: LoggerService;
  database: DatabaseService;
  /** Look entities up with the caller's credentials (see resolveEntityScope). */
  catalog: CatalogService;
  actionsRegistry: ActionsRegistryService;
  /** The plugin's own credentials, for work no request carries (scheduled tasks). */
  auth: AuthService;
  /** Decides a caller's permissions (routes that change something). */
  permissions: PermissionsService;
  /** Reads of the shared event log a feature may make (never another feature's tables). */
  eventLog: Pick<EventStore, 'entityClusters'>;
  /** Backstage notifications (the notifications backend resolves entity recipients to owners). */
  notifications: NotificationService;
  /** Canary runners that backend modules added (platformCanaryRunnersExtensionPoint). */
  canaryRunners: readonly PlatformCanaryRunner[];
}

/** What a feature's routes get from the shared router. */
export interface FeatureRouteContext {
  /** The caller's user or service credentials; throws 401 without. */
  credentials(
    req: express.Request<any, any, any, any, any>,
  ): Promise<BackstageCredentials>;
}

/**
 * Scheduled work of a feature (retention, for one). The shared backend
 * schedules it as `platform-<feature id>-<id>` with `scope: 'global'`: one
 * replica per tick.
 */
export interface PlatformFeatureTask {
  readonly id: string;
  readonly schedule: SchedulerServiceTaskScheduleDefinition;
  run(signal?: AbortSignal): Promise<void>;
}

/** A feature, built once at startup. */
export interface PlatformFeature {
  readonly id: string;
  /** Fed from the log by the one projection runner. */
  readonly projections: Projection[];
  readonly tasks?: PlatformFeatureTask[];
  /**
   * Event types whose old events leave the shared log: declared for the types
   * whose history the feature keeps in its own tables and whose projections
   * skip events that old anyway (see EventLogRetention).
   */
  readonly eventLogRetention?: EventLogRetention[];
  /** Adds the feature's routes (paths under `/<id>/`, described in openapi.yaml). */
  registerRoutes(router: PlatformRouter, context: FeatureRouteContext): void;
}

/** Builds a feature from the shared services; registers its actions as it goes. */
export interface PlatformFeatureFactory {
  readonly id: string;
  create(context: PlatformFeatureContext): Promise<PlatformFeature>;
}
