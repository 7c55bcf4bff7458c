import { createBrowserRouter } from 'react-router';
import { AppLayout } from './app-layout';
import { ConfirmEmailRoute } from './routes/confirm-email-route';
import { ForgotPasswordRoute } from './routes/forgot-password-route';
import { HomeRoute } from './routes/home-route';
import { LoginRoute } from './routes/login-route';
import { NotFoundRoute } from './routes/not-found-route';
import { ProfileRoute } from './routes/profile-route';
import { RegisterRoute } from './routes/register-route';
import { ResetPasswordRoute } from './routes/reset-password-route';

export const routes = [
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <HomeRoute /> },
      { path: 'register', element: <RegisterRoute /> },
      { path: 'login', element: <LoginRoute /> },
      { path: 'confirm-email', element: <ConfirmEmailRoute /> },
      { path: 'forgot-password', element: <ForgotPasswordRoute /> },
      { path: 'reset-password', element: <ResetPasswordRoute /> },
      { path: 'profile', element: <ProfileRoute /> },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];

export const createRouter = () => createBrowserRouter(routes);
