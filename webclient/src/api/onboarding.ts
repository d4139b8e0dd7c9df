// Role tours (hub/views/onboarding.py): my tour, whether it is due, and recording it completed or skipped.
import { request } from './http'
import type { components } from './schema'

type S = components['schemas']
export type ToursOut = S['ToursOut']
export type TourRecordIn = S['TourRecordIn']
export type TourKey = TourRecordIn['tour']

export const onboardingApi = {
  tours: () => request<ToursOut>('GET', '/api/v1/me/tours'),
  record: (body: TourRecordIn) => request<ToursOut>('POST', '/api/v1/me/tours', body),
}
