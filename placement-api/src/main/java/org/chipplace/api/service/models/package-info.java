/**
 * The models the service knows: the catalogue (cards and training logs of the shipped models and of
 * the checkpoints in the models folder), shown by the dashboard's Models page, and the
 * decision-transformer models that {@code dt} jobs load once and share ({@link
 * org.chipplace.api.service.models.DtModels}).
 */
package org.chipplace.api.service.models;
